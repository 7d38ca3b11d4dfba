// Only the header matters: LLVMFuzzerRunDriver is libFuzzer's, linked with -sanitize=fuzzer.
#include "CFuzzDriver.h"
