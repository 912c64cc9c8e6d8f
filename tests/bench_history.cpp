#include "jobstore.h"

int main()
{
    return 0;
}
