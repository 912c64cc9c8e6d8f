#include "videoinfo.h"
