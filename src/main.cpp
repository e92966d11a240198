#include <pie/run.hpp>

int main(int argc, char** argv) { return pie::run(argc, argv); }
