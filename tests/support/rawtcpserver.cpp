#include "rawtcpserver.h"
