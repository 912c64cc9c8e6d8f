#pragma once

// The process's heap settings for streaming large files (see heappolicy.cpp for the measurements).
namespace HeapPolicy {

// Call once, first thing in main(), and in any benchmark that stands for the app.
void applyForLargeTransfers();

} // namespace HeapPolicy
