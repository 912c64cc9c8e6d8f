#include "jobmodel.h"
