#!/usr/bin/python3
"""PyTorch eager, one thread, on the workloads of deepq4j's JMH benchmarks (bench/src/main/java/deepq4j/bench).

Each workload is written the way its reference writes it: CleanRL's dqn.py for the Q-network step
and for acting, CleanRL's dqn_atari.py for the Nature-CNN step, MinAtar's dqn.py for the MinAtar
step. Like bench's DqnWorkload, the update runs on eight random batches taken in turn (a single
batch would be learned exactly). Prints one line per workload, `name median unit`, after a header
that says which BLAS torch and NumPy run on.

Run with Debian's python3-torch and OpenBLAS as the system BLAS (apt-get install python3-torch
libopenblas0-pthread): without OpenBLAS, Debian's torch uses the reference BLAS, ten times slower
on these shapes, which would flatter deepq4j. Usage: torch_peer.py [workload ...]
"""
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

torch.set_num_threads(1)
torch.set_num_interop_threads(1)
BATCHES = 8


def blas_of(library_substring):
    """The shared BLAS/LAPACK libraries this process has mapped, so the header says what ran."""
    with open("/proc/self/maps") as maps:
        names = {line.split()[-1] for line in maps if library_substring in line and "/" in line}
    return ", ".join(sorted(os.path.realpath(n) for n in names)) or "none found"


def cpu_capability():
    """The vector ISA ATen's own kernels dispatched to (ATEN_CPU_CAPABILITY caps it), as torch reports it."""
    for line in torch.__config__.show().splitlines():
        if "CPU capability usage" in line:
            return line.split(":", 1)[1].strip()
    return "(not reported)"


def timed(step, min_seconds=2.0, warmup_seconds=1.0):
    """The median time of one call of step, in seconds, over rounds of at least 0.1 s each."""
    end = time.perf_counter() + warmup_seconds
    calls = 0
    while time.perf_counter() < end:
        step()
        calls += 1
    per_round = max(1, int(calls * 0.1 / warmup_seconds))
    rounds = []
    end = time.perf_counter() + min_seconds
    while time.perf_counter() < end or len(rounds) < 5:
        t0 = time.perf_counter()
        for _ in range(per_round):
            step()
        rounds.append((time.perf_counter() - t0) / per_round)
    rounds.sort()
    return rounds[len(rounds) // 2]


def random_batches(generator, obs_shape, n, actions):
    out = []
    for _ in range(BATCHES):
        out.append((
            torch.rand((n,) + obs_shape, generator=generator) * 2 - 1,
            torch.randint(actions, (n, 1), generator=generator),
            torch.rand(n, generator=generator) * 2 - 1,
            torch.rand((n,) + obs_shape, generator=generator) * 2 - 1,
            (torch.rand(n, generator=generator) < 0.05).float(),
        ))
    return out


def dqn_step(q_network, target_network, optimizer, batches, gamma, loss_fn):
    """One update as CleanRL's dqn.py writes it; returns a function that runs the next batch."""
    state = {"next": 0}

    def step():
        obs, act, rew, next_obs, done = batches[state["next"]]
        state["next"] = (state["next"] + 1) % BATCHES
        with torch.no_grad():
            target_max, _ = target_network(next_obs).max(dim=1)
            td_target = rew + gamma * target_max * (1 - done)
        old_val = q_network(obs).gather(1, act).squeeze()
        loss = loss_fn(td_target, old_val)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        return loss

    return step


def cleanrl_mlp():
    return nn.Sequential(nn.Linear(4, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 2))


def qnetwork_step():
    g = torch.Generator().manual_seed(1)
    q, target = cleanrl_mlp(), cleanrl_mlp()
    target.load_state_dict(q.state_dict())
    optimizer = torch.optim.Adam(q.parameters(), lr=2.5e-4)
    return dqn_step(q, target, optimizer, random_batches(g, (4,), 128, 2), 0.99, F.mse_loss)


def act():
    """Acting as dqn.py does: a [1, 4] float tensor from the observation, forward, argmax, to NumPy."""
    q = cleanrl_mlp()
    obs = np.random.default_rng(1).standard_normal((1, 4)).astype(np.float32)

    def step():
        q_values = q(torch.Tensor(obs))
        return torch.argmax(q_values, dim=1).cpu().numpy()

    return step


def nature_cnn(actions):
    return nn.Sequential(
        nn.Conv2d(4, 32, 8, stride=4), nn.ReLU(),
        nn.Conv2d(32, 64, 4, stride=2), nn.ReLU(),
        nn.Conv2d(64, 64, 3, stride=1), nn.ReLU(),
        nn.Flatten(), nn.Linear(3136, 512), nn.ReLU(), nn.Linear(512, actions))


def nature_cnn_step():
    g = torch.Generator().manual_seed(1)
    q, target = nature_cnn(2), nature_cnn(2)
    target.load_state_dict(q.state_dict())
    optimizer = torch.optim.Adam(q.parameters(), lr=1e-4)
    return dqn_step(q, target, optimizer, random_batches(g, (4, 84, 84), 32, 2), 0.99, F.mse_loss)


def minatar_network(channels, actions):
    return nn.Sequential(nn.Conv2d(channels, 16, 3, stride=1), nn.ReLU(), nn.Flatten(),
                         nn.Linear(16 * 8 * 8, 128), nn.ReLU(), nn.Linear(128, actions))


def minatar_step():
    """MinAtar's DQN on Breakout: Huber loss (smooth_l1), centered RMSprop (lr 2.5e-4, alpha 0.95, eps 0.01)."""
    g = torch.Generator().manual_seed(1)
    q, target = minatar_network(4, 6), minatar_network(4, 6)
    target.load_state_dict(q.state_dict())
    optimizer = torch.optim.RMSprop(q.parameters(), lr=2.5e-4, alpha=0.95, centered=True, eps=0.01)
    return dqn_step(q, target, optimizer, random_batches(g, (4, 10, 10), 32, 6), 0.99,
                    lambda target_value, value: F.smooth_l1_loss(value, target_value))


def matmul_torch():
    g = torch.Generator().manual_seed(1)
    a, b = torch.rand(1024, 1024, generator=g), torch.rand(1024, 1024, generator=g)
    out = torch.empty(1024, 1024)
    return lambda: torch.mm(a, b, out=out)


def matmul_numpy():
    rng = np.random.default_rng(1)
    a, b = rng.random((1024, 1024), dtype=np.float32), rng.random((1024, 1024), dtype=np.float32)
    out = np.empty((1024, 1024), dtype=np.float32)
    return lambda: np.matmul(a, b, out=out)


WORKLOADS = {
    # name: (make, unit, scale from seconds)
    "qnetwork_step": (qnetwork_step, "us", 1e6),
    "act": (act, "us", 1e6),
    "nature_cnn_step": (nature_cnn_step, "ms", 1e3),
    "minatar_step": (minatar_step, "us", 1e6),
    "matmul1024_torch": (matmul_torch, "GFLOP/s", None),
    "matmul1024_numpy": (matmul_numpy, "GFLOP/s", None),
}


def main(names):
    unknown = [n for n in names if n not in WORKLOADS]
    if unknown:
        sys.exit("torch_peer.py: unknown workload %s (known: %s)" % (", ".join(unknown), ", ".join(WORKLOADS)))
    print("# torch %s, %d thread(s), ATen CPU capability %s; numpy %s; OPENBLAS_CORETYPE=%s, ONEDNN_MAX_CPU_ISA=%s" % (
        torch.__version__, torch.get_num_threads(), cpu_capability(),
        np.__version__, os.environ.get("OPENBLAS_CORETYPE", "(auto)"), os.environ.get("ONEDNN_MAX_CPU_ISA", "(auto)")))
    for name in names or list(WORKLOADS):
        make, unit, scale = WORKLOADS[name]
        seconds = timed(make())
        value = 2 * 1024 ** 3 / seconds / 1e9 if scale is None else seconds * scale
        print("%-18s %12.3f %s" % (name, value, unit), flush=True)
    print("# BLAS mapped: %s" % blas_of("blas"))


if __name__ == "__main__":
    main(sys.argv[1:])
