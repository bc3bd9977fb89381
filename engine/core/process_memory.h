// How much memory a process holds, read from Linux's /proc/PID/status. One reader for the
// model-import child's memory watch and address-space cap (core/isolate) and for the app's
// --bench and --soak figures.
#pragma once

namespace core {

struct ProcessMemory {
    unsigned long long addressSpaceKb = 0;  // VmSize: every mapping, touched or not
    unsigned long long residentKb = 0;      // VmRSS: in physical memory now
    unsigned long long peakResidentKb = 0;  // VmHWM: the most it has held resident
};

// `pid` 0 is this process. Zeros where a figure is unknown (no /proc, the process has gone).
// Allocates nothing, so a child made with fork() may call it before its work starts.
ProcessMemory processMemory(int pid = 0);

} // namespace core
