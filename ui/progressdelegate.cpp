#include "progressdelegate.h"
