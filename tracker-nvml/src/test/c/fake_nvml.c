/*
 * A scriptable stand-in for libnvidia-ml, built for the tests of tracker-nvml.
 *
 * It exports the NVML functions the binding uses, with the real C ABI (argument types, struct layouts and return
 * codes of nvml.h), and a few fake_nvml_* functions through which a test scripts devices, time, power, errors,
 * processes and utilisation samples, and reads back call counters. Time is the fake's own: it only moves when the
 * test calls fake_nvml_advance_ms, so the energy counter integrates the scripted power exactly.
 *
 * Real-time mode, for running a whole program (the demo) against the fake from another process: when nothing was
 * scripted and the environment variable FAKE_NVML_DEVICES is set at nvmlInit_v2, the fake configures itself from
 * it and its time follows the monotonic clock. FAKE_NVML_DEVICES is a comma-separated list of
 * "<watts>[:power][:lost=<ms>]" per GPU: the constant power, ":power" for a GPU without the energy counter (power
 * polling only), and ":lost=<ms>" for a GPU that falls off the bus that many milliseconds after the first init.
 */
#define _DEFAULT_SOURCE
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>
#include <time.h>

#define MAX_DEVICES 8
#define MAX_PROCS 64
#define MAX_SAMPLES 256
#define MAX_MIG 4

typedef int nvmlReturn_t;
typedef struct fake_device *nvmlDevice_t;

typedef struct { unsigned int gpu; unsigned int memory; } nvmlUtilization_t;
typedef struct { unsigned long long total; unsigned long long free; unsigned long long used; } nvmlMemory_t;
typedef struct {
    unsigned int pid;
    unsigned long long usedGpuMemory;
    unsigned int gpuInstanceId;
    unsigned int computeInstanceId;
} nvmlProcessInfo_t;
typedef struct {
    unsigned int pid;
    unsigned long long timeStamp;
    unsigned int smUtil;
    unsigned int memUtil;
    unsigned int encUtil;
    unsigned int decUtil;
} nvmlProcessUtilizationSample_t;

enum {
    SUCCESS = 0, UNINITIALIZED = 1, INVALID_ARGUMENT = 2, NOT_SUPPORTED = 3, NOT_FOUND = 6,
    INSUFFICIENT_SIZE = 7, GPU_IS_LOST = 15
};

struct fake_device {
    int index;
    int is_mig;
    int parent;
    char name[96];
    char uuid[96];
    double base_mw;
    double amplitude_mw;
    double period_ms;
    double energy_offset_mj;
    int energy_result;
    int power_result;
    int lost;
    int error;
    unsigned int util_gpu;
    unsigned int util_memory;
    unsigned long long mem_total;
    unsigned long long mem_free;
    unsigned long long mem_used;
    int proc_count;
    nvmlProcessInfo_t procs[MAX_PROCS];
    int sample_count;
    nvmlProcessUtilizationSample_t samples[MAX_SAMPLES];
    int process_size_races;
};

static struct fake_device devices[MAX_DEVICES];
static struct fake_device migs[MAX_DEVICES][MAX_MIG];
static int mig_counts[MAX_DEVICES];
static int device_count;
static int init_result;
static int ref_count;
static int init_calls;
static int shutdown_calls;
static int calls_while_uninitialized;
static int device_calls;
static double now_ms;
static int realtime;
static double realtime_origin_ms;
static double lost_after_ms[MAX_DEVICES];

static double monotonic_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The fake's time: scripted, or in real-time mode the monotonic clock since the first init. */
static double current_ms(void) {
    return realtime ? monotonic_ms() - realtime_origin_ms : now_ms;
}

/* ---- scripting entry points ---- */

void fake_nvml_reset(void) {
    memset(devices, 0, sizeof devices);
    memset(migs, 0, sizeof migs);
    memset(mig_counts, 0, sizeof mig_counts);
    device_count = 0;
    init_result = SUCCESS;
    ref_count = 0;
    init_calls = 0;
    shutdown_calls = 0;
    calls_while_uninitialized = 0;
    device_calls = 0;
    now_ms = 0;
}

void fake_nvml_set_device_count(int count) {
    device_count = count;
    for (int i = 0; i < count; i++) {
        struct fake_device *d = &devices[i];
        d->index = i;
        d->parent = -1;
        if (d->name[0] == '\0') {
            snprintf(d->name, sizeof d->name, "Fake GPU %d", i);
        }
        if (d->uuid[0] == '\0') {
            snprintf(d->uuid, sizeof d->uuid, "GPU-%08x-0000-0000-0000-00000000000%d", 0xabc00000 + i, i);
        }
    }
}

void fake_nvml_set_device(int i, const char *name, const char *uuid) {
    snprintf(devices[i].name, sizeof devices[i].name, "%s", name);
    snprintf(devices[i].uuid, sizeof devices[i].uuid, "%s", uuid);
}

void fake_nvml_add_mig(int parent, const char *uuid) {
    struct fake_device *m = &migs[parent][mig_counts[parent]++];
    m->is_mig = 1;
    m->parent = parent;
    m->index = -1;
    snprintf(m->uuid, sizeof m->uuid, "%s", uuid);
}

void fake_nvml_set_init_result(int code) { init_result = code; }

/* Power follows base + amplitude * sin(2 pi t / period); the energy counter is its exact integral. */
void fake_nvml_set_power(int i, double base_mw, double amplitude_mw, double period_ms) {
    devices[i].base_mw = base_mw;
    devices[i].amplitude_mw = amplitude_mw;
    devices[i].period_ms = period_ms;
}

static double integral_mj(const struct fake_device *d, double t_ms) {
    double e = d->base_mw * t_ms / 1000.0;
    if (d->amplitude_mw != 0 && d->period_ms > 0) {
        double w = 2 * M_PI / d->period_ms;
        e += d->amplitude_mw * (1 - cos(w * t_ms)) / w / 1000.0;
    }
    return e;
}

double fake_nvml_true_energy_mj(int i) { return devices[i].energy_offset_mj + integral_mj(&devices[i], current_ms()); }

void fake_nvml_set_energy_offset_mj(int i, double mj) { devices[i].energy_offset_mj = mj; }

void fake_nvml_advance_ms(double ms) { now_ms += ms; }

void fake_nvml_set_energy_result(int i, int code) { devices[i].energy_result = code; }

void fake_nvml_set_power_result(int i, int code) { devices[i].power_result = code; }

void fake_nvml_set_lost(int i, int lost) { devices[i].lost = lost; }

void fake_nvml_set_error(int i, int code) { devices[i].error = code; }

void fake_nvml_set_utilization(int i, unsigned int gpu, unsigned int memory) {
    devices[i].util_gpu = gpu;
    devices[i].util_memory = memory;
}

void fake_nvml_set_memory(int i, unsigned long long total, unsigned long long used) {
    devices[i].mem_total = total;
    devices[i].mem_used = used;
    devices[i].mem_free = total - used;
}

void fake_nvml_set_processes(int i, int count, const unsigned int *pids) {
    devices[i].proc_count = count;
    for (int k = 0; k < count; k++) {
        devices[i].procs[k].pid = pids[k];
        devices[i].procs[k].usedGpuMemory = 1024ULL * 1024 * (k + 1);
        devices[i].procs[k].gpuInstanceId = 0xFFFFFFFFu;
        devices[i].procs[k].computeInstanceId = 0xFFFFFFFFu;
    }
}

/* The process list grows by one between the sizing call and the fetch, this many times. */
void fake_nvml_set_process_size_races(int i, int races) { devices[i].process_size_races = races; }

void fake_nvml_add_process_sample(int i, unsigned int pid, unsigned long long time_stamp_us, unsigned int sm) {
    nvmlProcessUtilizationSample_t *s = &devices[i].samples[devices[i].sample_count++];
    memset(s, 0, sizeof *s);
    s->pid = pid;
    s->timeStamp = time_stamp_us;
    s->smUtil = sm;
    s->memUtil = sm / 2;
}

int fake_nvml_init_calls(void) { return init_calls; }
int fake_nvml_shutdown_calls(void) { return shutdown_calls; }
int fake_nvml_ref_count(void) { return ref_count; }
int fake_nvml_calls_while_uninitialized(void) { return calls_while_uninitialized; }
int fake_nvml_device_calls(void) { return device_calls; }

/* Layouts as this compiler lays out the structs of nvml.h: which 0..3, field -1 = sizeof, else offsetof. */
int fake_nvml_layout(int which, int field) {
    switch (which) {
        case 0: {
            static const size_t o[] = {offsetof(nvmlUtilization_t, gpu), offsetof(nvmlUtilization_t, memory)};
            return field < 0 ? (int) sizeof(nvmlUtilization_t) : (int) o[field];
        }
        case 1: {
            static const size_t o[] = {offsetof(nvmlMemory_t, total), offsetof(nvmlMemory_t, free),
                                       offsetof(nvmlMemory_t, used)};
            return field < 0 ? (int) sizeof(nvmlMemory_t) : (int) o[field];
        }
        case 2: {
            static const size_t o[] = {offsetof(nvmlProcessInfo_t, pid), offsetof(nvmlProcessInfo_t, usedGpuMemory),
                                       offsetof(nvmlProcessInfo_t, gpuInstanceId),
                                       offsetof(nvmlProcessInfo_t, computeInstanceId)};
            return field < 0 ? (int) sizeof(nvmlProcessInfo_t) : (int) o[field];
        }
        case 3: {
            static const size_t o[] = {
                offsetof(nvmlProcessUtilizationSample_t, pid), offsetof(nvmlProcessUtilizationSample_t, timeStamp),
                offsetof(nvmlProcessUtilizationSample_t, smUtil), offsetof(nvmlProcessUtilizationSample_t, memUtil),
                offsetof(nvmlProcessUtilizationSample_t, encUtil), offsetof(nvmlProcessUtilizationSample_t, decUtil)};
            return field < 0 ? (int) sizeof(nvmlProcessUtilizationSample_t) : (int) o[field];
        }
        default:
            return -1;
    }
}

/* ---- NVML ABI ---- */

static const char *const error_strings[] = {
    "Success", "Uninitialized", "Invalid Argument", "Not Supported", "Insufficient Permissions",
    "Already Initialized", "Not Found", "Insufficient Size", "Insufficient External Power",
    "Driver Not Loaded", "Timeout", "Interrupt Request Issue", "NVML Shared Library Not Found",
    "Function Not Found", "Corrupted infoROM", "GPU is lost", "GPU requires restart",
    "The operating system has blocked the request.", "RM has detected an NVML/RM version mismatch.",
    "In use by another client", "Insufficient Memory", "No data"};

static void configure_from_environment(void) {
    const char *spec = getenv("FAKE_NVML_DEVICES");
    if (spec == NULL || device_count != 0 || realtime) {
        return;
    }
    char copy[512];
    snprintf(copy, sizeof copy, "%s", spec);
    int count = 0;
    char *save = NULL;
    for (char *part = strtok_r(copy, ",", &save); part != NULL && count < MAX_DEVICES;
            part = strtok_r(NULL, ",", &save)) {
        struct fake_device *d = &devices[count];
        d->base_mw = atof(part) * 1000.0;
        d->energy_result = strstr(part, ":power") != NULL ? NOT_SUPPORTED : SUCCESS;
        const char *lost = strstr(part, ":lost=");
        lost_after_ms[count] = lost != NULL ? atof(lost + 6) : -1;
        snprintf(d->name, sizeof d->name, "Fake GPU %d (%s)", count, part);
        count++;
    }
    fake_nvml_set_device_count(count);
    realtime = 1;
    realtime_origin_ms = monotonic_ms();
}

nvmlReturn_t nvmlInit_v2(void) {
    configure_from_environment();
    init_calls++;
    if (init_result != SUCCESS) {
        return init_result;
    }
    ref_count++;
    return SUCCESS;
}

nvmlReturn_t nvmlShutdown(void) {
    shutdown_calls++;
    if (ref_count == 0) {
        return UNINITIALIZED;
    }
    ref_count--;
    return SUCCESS;
}

const char *nvmlErrorString(nvmlReturn_t result) {
    if (result >= 0 && result < (int) (sizeof error_strings / sizeof error_strings[0])) {
        return error_strings[result];
    }
    return "Unknown Error";
}

nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *count) {
    if (ref_count == 0) {
        return UNINITIALIZED;
    }
    if (count == NULL) {
        return INVALID_ARGUMENT;
    }
    *count = (unsigned int) device_count;
    return SUCCESS;
}

nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device) {
    if (ref_count == 0) {
        return UNINITIALIZED;
    }
    if (device == NULL || index >= (unsigned int) device_count) {
        return INVALID_ARGUMENT;
    }
    *device = &devices[index];
    return SUCCESS;
}

nvmlReturn_t nvmlDeviceGetHandleByUUID(const char *uuid, nvmlDevice_t *device) {
    if (ref_count == 0) {
        return UNINITIALIZED;
    }
    if (uuid == NULL || device == NULL) {
        return INVALID_ARGUMENT;
    }
    for (int i = 0; i < device_count; i++) {
        if (strcmp(devices[i].uuid, uuid) == 0) {
            *device = &devices[i];
            return SUCCESS;
        }
        for (int m = 0; m < mig_counts[i]; m++) {
            if (strcmp(migs[i][m].uuid, uuid) == 0) {
                *device = &migs[i][m];
                return SUCCESS;
            }
        }
    }
    return NOT_FOUND;
}

nvmlReturn_t nvmlDeviceGetDeviceHandleFromMigDeviceHandle(nvmlDevice_t mig, nvmlDevice_t *device) {
    if (ref_count == 0) {
        calls_while_uninitialized++;
        return UNINITIALIZED;
    }
    if (mig == NULL || device == NULL) {
        return INVALID_ARGUMENT;
    }
    if (!mig->is_mig) {
        return NOT_FOUND;
    }
    *device = &devices[mig->parent];
    return SUCCESS;
}

/* Common checks of every call that takes a device handle. */
static nvmlReturn_t check(nvmlDevice_t device) {
    device_calls++;
    if (ref_count == 0) {
        calls_while_uninitialized++;
        return UNINITIALIZED;
    }
    if (device == NULL) {
        return INVALID_ARGUMENT;
    }
    if (realtime && !device->is_mig && device->index < MAX_DEVICES && lost_after_ms[device->index] >= 0
            && current_ms() >= lost_after_ms[device->index]) {
        device->lost = 1;
    }
    if (device->lost) {
        return GPU_IS_LOST;
    }
    return device->error;
}

static nvmlReturn_t copy_string(const char *text, char *out, unsigned int length) {
    if (out == NULL) {
        return INVALID_ARGUMENT;
    }
    if (strlen(text) + 1 > length) {
        return INSUFFICIENT_SIZE;
    }
    memcpy(out, text, strlen(text) + 1);
    return SUCCESS;
}

nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned int length) {
    nvmlReturn_t r = check(device);
    return r != SUCCESS ? r : copy_string(device->name, name, length);
}

nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t device, char *uuid, unsigned int length) {
    nvmlReturn_t r = check(device);
    return r != SUCCESS ? r : copy_string(device->uuid, uuid, length);
}

nvmlReturn_t nvmlDeviceGetTotalEnergyConsumption(nvmlDevice_t device, unsigned long long *energy) {
    nvmlReturn_t r = check(device);
    if (r != SUCCESS) {
        return r;
    }
    if (device->energy_result != SUCCESS) {
        return device->energy_result;
    }
    if (energy == NULL) {
        return INVALID_ARGUMENT;
    }
    /* The hardware counter has whole-millijoule steps. */
    *energy = (unsigned long long) floor(device->energy_offset_mj + integral_mj(device, current_ms()));
    return SUCCESS;
}

nvmlReturn_t nvmlDeviceGetPowerUsage(nvmlDevice_t device, unsigned int *power) {
    nvmlReturn_t r = check(device);
    if (r != SUCCESS) {
        return r;
    }
    if (device->power_result != SUCCESS) {
        return device->power_result;
    }
    if (power == NULL) {
        return INVALID_ARGUMENT;
    }
    double mw = device->base_mw;
    if (device->amplitude_mw != 0 && device->period_ms > 0) {
        mw += device->amplitude_mw * sin(2 * M_PI * current_ms() / device->period_ms);
    }
    *power = (unsigned int) lround(mw);
    return SUCCESS;
}

nvmlReturn_t nvmlDeviceGetUtilizationRates(nvmlDevice_t device, nvmlUtilization_t *utilization) {
    nvmlReturn_t r = check(device);
    if (r != SUCCESS) {
        return r;
    }
    if (utilization == NULL) {
        return INVALID_ARGUMENT;
    }
    utilization->gpu = device->util_gpu;
    utilization->memory = device->util_memory;
    return SUCCESS;
}

nvmlReturn_t nvmlDeviceGetMemoryInfo(nvmlDevice_t device, nvmlMemory_t *memory) {
    nvmlReturn_t r = check(device);
    if (r != SUCCESS) {
        return r;
    }
    if (memory == NULL) {
        return INVALID_ARGUMENT;
    }
    memory->total = device->mem_total;
    memory->free = device->mem_free;
    memory->used = device->mem_used;
    return SUCCESS;
}

nvmlReturn_t nvmlDeviceGetComputeRunningProcesses_v3(
        nvmlDevice_t device, unsigned int *infoCount, nvmlProcessInfo_t *infos) {
    nvmlReturn_t r = check(device);
    if (r != SUCCESS) {
        return r;
    }
    if (infoCount == NULL) {
        return INVALID_ARGUMENT;
    }
    if (device->process_size_races > 0 && device->proc_count < MAX_PROCS) {
        /* Another process appears between the caller's sizing and this call. */
        device->process_size_races--;
        unsigned int pids[MAX_PROCS];
        for (int k = 0; k < device->proc_count; k++) {
            pids[k] = device->procs[k].pid;
        }
        pids[device->proc_count] = 90000 + (unsigned int) device->proc_count;
        fake_nvml_set_processes(device->index, device->proc_count + 1, pids);
    }
    unsigned int needed = (unsigned int) device->proc_count;
    if (*infoCount < needed) {
        *infoCount = needed;
        return INSUFFICIENT_SIZE;
    }
    *infoCount = needed;
    if (needed > 0) {
        if (infos == NULL) {
            return INVALID_ARGUMENT;
        }
        memcpy(infos, device->procs, needed * sizeof(nvmlProcessInfo_t));
    }
    return SUCCESS;
}

nvmlReturn_t nvmlDeviceGetProcessUtilization(nvmlDevice_t device, nvmlProcessUtilizationSample_t *utilization,
        unsigned int *processSamplesCount, unsigned long long lastSeenTimeStamp) {
    nvmlReturn_t r = check(device);
    if (r != SUCCESS) {
        return r;
    }
    if (processSamplesCount == NULL) {
        return INVALID_ARGUMENT;
    }
    unsigned int newer = 0;
    for (int k = 0; k < device->sample_count; k++) {
        if (device->samples[k].timeStamp > lastSeenTimeStamp) {
            newer++;
        }
    }
    if (utilization == NULL) {
        /* Sizing: the driver answers with the size of its whole buffer. */
        *processSamplesCount = (unsigned int) (device->sample_count > 0 ? device->sample_count : 1);
        return INSUFFICIENT_SIZE;
    }
    if (newer == 0) {
        return NOT_FOUND;
    }
    if (*processSamplesCount < newer) {
        *processSamplesCount = newer;
        return INSUFFICIENT_SIZE;
    }
    unsigned int n = 0;
    for (int k = 0; k < device->sample_count; k++) {
        if (device->samples[k].timeStamp > lastSeenTimeStamp) {
            utilization[n++] = device->samples[k];
        }
    }
    *processSamplesCount = n;
    return SUCCESS;
}
