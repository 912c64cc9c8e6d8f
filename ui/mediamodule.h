#pragma once

namespace Media {
class Factory;
}

// Finds the Qt Multimedia side of the app (mediafactory.h) the first time it is needed: on Linux the
// module videoremix_media, loaded then; elsewhere it is built into the app.
namespace MediaModule {
// nullptr when the module cannot be loaded (a broken install): videos then play outside the app only.
Media::Factory *factory();
} // namespace MediaModule
