#pragma once

// The process's heap, set up for streaming large files (see heappolicy.cpp for the measurements).
namespace HeapPolicy {

// Call once, first thing in main() (before any other thread runs), and in any benchmark that stands for
// the app.
void applyForLargeTransfers();

} // namespace HeapPolicy
