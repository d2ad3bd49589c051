// Placeholder until the Kinto client lands (issue 3).
#include <cstdio>
int main()
{
    std::fputs("tenantctl: no commands yet\n", stderr);
    return 2;
}
