#include "downloadjob.h"
