#include "jobstate.h"
