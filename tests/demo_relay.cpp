// A stand-alone copy of the built-in demo service on a fixed loopback port, for trying the app
// against a "relay" that outlives it (kill the app mid-job, start it again: the jobs finish).
// Run: build/tests/demo_relay [port]   (default 18080), then use http://127.0.0.1:<port>/v1 as the
// service address. Not run by ctest.

#include "demo/demoservice.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const quint16 port = argc > 1 ? quint16(QString::fromLocal8Bit(argv[1]).toUInt()) : quint16(18080);
    DemoService demo;
    if (!demo.start(port)) {
        std::fprintf(stderr, "cannot listen on 127.0.0.1:%u\n", unsigned(port));
        return 1;
    }
    std::printf("demo relay at %s\n", qPrintable(demo.baseUrl().toString()));
    std::fflush(stdout);
    return app.exec();
}
