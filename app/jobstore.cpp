#include "jobstore.h"
