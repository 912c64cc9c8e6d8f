#include "videoid.h"
