#include "fakevideoserver.h"
