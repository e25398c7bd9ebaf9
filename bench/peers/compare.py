#!/usr/bin/python3
"""Runs deepq4j's JMH benchmarks and the PyTorch peer (torch_peer.py) back to back, one thread each,
and prints them side by side with the ratios (how many times faster deepq4j is; below 1: slower).

Usage, from the repository root after `mvn -q -DskipTests install`:
    bench/peers/compare.py            # the machine's own vector width
    bench/peers/compare.py --avx2     # HotSpot at -XX:UseAVX=2; OpenBLAS, oneDNN and ATen held to AVX2
    bench/peers/compare.py --quick    # shorter JMH runs (1 warm-up, 3 measurements), for a first look
"""
import json
import os
import platform
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.path.join(ROOT, "bench", "target", "benchmarks.jar")
# ours (JMH benchmark, unit) against the peer's workload; matmul is compared in GFLOP/s, the rest in time
PAIRS = [
    ("matmul 1024^3 (GFLOP/s)", "LargeMatmulBenchmark.deepq4j", "matmul1024_torch", "matmul1024_numpy"),
    ("Q-network step, batch 128 (us)", "TrainingStepBenchmark.trainStep", "qnetwork_step", None),
    ("acting on one observation (us)", "TrainingStepBenchmark.act", "act", None),
    ("Nature-CNN step, batch 32 (ms)", "NatureCnnStepBenchmark.trainStep", "nature_cnn_step", None),
    ("MinAtar step, batch 32 (us)", "MinAtarStepBenchmark.trainStep", "minatar_step", None),
]


def cpu_model():
    with open("/proc/cpuinfo") as f:
        text = f.read()
    model = re.search(r"model name\s*:\s*(.*)", text)
    flags = set(re.search(r"flags\s*:\s*(.*)", text).group(1).split())
    isa = "AVX-512" if "avx512f" in flags else "AVX2" if "avx2" in flags else "SSE/other"
    return (model.group(1) if model else platform.processor()), isa


def java_version(java):
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    return out.splitlines()[0] if out else "unknown"


def run_ours(java, jvm_args, quick):
    regex = "|".join(re.escape(p[1]) + "$" for p in PAIRS)
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        result = f.name
    command = [java, "--add-modules", "jdk.incubator.vector", "-jar", JAR, regex, "-p", "threads=1",
               "-jvmArgsAppend", " ".join(["--add-modules=jdk.incubator.vector"] + jvm_args), "-rf", "json", "-rff", result]
    if quick:
        command += ["-wi", "1", "-i", "3"]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    with open(result) as f:
        rows = json.load(f)
    os.unlink(result)
    scores = {}
    for row in rows:
        name = row["benchmark"].rsplit(".", 2)
        name = name[-2] + "." + name[-1]
        metric = row["primaryMetric"]
        scores[name] = (metric["score"], metric["scoreError"], metric["scoreUnit"])
    return scores


def run_peer(env):
    out = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "bench", "peers", "torch_peer.py")],
                         capture_output=True, text=True, env=env, check=True).stdout
    values, header = {}, []
    for line in out.splitlines():
        if line.startswith("#"):
            header.append(line)
        elif line.strip():
            name, value, _unit = line.split()
            values[name] = float(value)
    return values, header


def main(args):
    avx2, quick = "--avx2" in args, "--quick" in args
    unknown = [a for a in args if a not in ("--avx2", "--quick")]
    if unknown:
        sys.exit("compare.py: unknown argument %s (expected --avx2 or --quick)" % unknown[0])
    if not os.path.exists(JAR):
        sys.exit("compare.py: %s is missing; build it with mvn -q -DskipTests install" % JAR)
    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"
    model, isa = cpu_model()
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    jvm_args = []
    if avx2:
        jvm_args.append("-XX:UseAVX=2")
        # OpenBLAS, oneDNN (PyTorch's convolutions) and ATen's own kernels each pick their ISA at run
        # time; all three are held to AVX2, as the JIT is.
        env.update(OPENBLAS_CORETYPE="Haswell", ONEDNN_MAX_CPU_ISA="AVX2", DNNL_MAX_CPU_ISA="AVX2", ATEN_CPU_CAPABILITY="avx2")
    ours = run_ours(java, jvm_args, quick)
    theirs, header = run_peer(env)
    print("# CPU: %s (%s); deepq4j on %s%s, one thread" % (model, isa, java_version(java), " at -XX:UseAVX=2" if avx2 else ""))
    for line in header:
        print(line)
    print("%-32s %22s %12s %8s   %s" % ("workload", "deepq4j", "PyTorch", "ratio", "OpenBLAS (NumPy)"))
    for label, ours_name, peer_name, reference in PAIRS:
        score, error, unit = ours[ours_name]
        if ours_name.startswith("LargeMatmul"):  # JMH gives ms per product
            value, spread = 2 * 1024 ** 3 / (score * 1e-3) / 1e9, 2 * 1024 ** 3 / (score * 1e-3) ** 2 * error * 1e-3 / 1e9
            ratio = value / theirs[peer_name]
            extra = "%.1f GFLOP/s, ratio %.2f" % (theirs[reference], value / theirs[reference])
        else:
            value, spread = score, error
            ratio = theirs[peer_name] / value
            extra = ""
        print("%-32s %14.2f +- %-6.2f %12.2f %7.2fx   %s" % (label, value, spread, theirs[peer_name], ratio, extra))


if __name__ == "__main__":
    main(sys.argv[1:])
