#include "remixform.h"
