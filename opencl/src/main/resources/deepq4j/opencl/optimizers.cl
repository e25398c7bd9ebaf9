// Fused optimizer updates, one work item per parameter element, in the float32 operation order of
// torch.optim's single-tensor implementations (and of the CPU backend's OptimizerKernels). The
// scalars that depend only on the step are computed by the host in double, as Python does.

__kernel void adam_update(int n, __global float* p, int po, __global const float* g, int go,
                          __global float* m, int mo, __global float* v, int vo, __global float* vMax, int vMaxO, int amsgrad,
                          float stepSize, float bc2Sqrt, float b1, float b2, float oneMinusB2, float eps,
                          float decay, float wd, int hasWeightDecay, int decoupled) {
    int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    float grad = g[go + i];
    float param = p[po + i];
    if (hasWeightDecay) {
        if (decoupled) {
            param *= decay; // AdamW: shrink the weight itself
        } else {
            grad += param * wd; // Adam: L2 penalty through the gradient
        }
    }
    float mi = m[mo + i];
    mi += b1 * (grad - mi);
    float vi = v[vo + i] * b2 + oneMinusB2 * grad * grad;
    m[mo + i] = mi;
    v[vo + i] = vi;
    float second = vi;
    if (amsgrad) {
        second = fmax(vMax[vMaxO + i], vi);
        vMax[vMaxO + i] = second;
    }
    float denom = sqrt(second) / bc2Sqrt + eps;
    p[po + i] = param - mi / denom * stepSize;
}

__kernel void rmsprop_update(int n, __global float* p, int po, __global const float* g, int go,
                             __global float* sq, int sqo, __global float* ga, int gao, int centered,
                             __global float* buf, int bo, int hasMomentum,
                             float alpha, float oneMinusAlpha, float eps, float lr, float wd, int hasWeightDecay, float momentum) {
    int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    float grad = g[go + i];
    if (hasWeightDecay) {
        grad += p[po + i] * wd;
    }
    float s = sq[sqo + i] * alpha + oneMinusAlpha * grad * grad;
    sq[sqo + i] = s;
    float avg;
    if (centered) {
        // divide by an estimate of the gradient's standard deviation, not its RMS
        float mean = ga[gao + i] + oneMinusAlpha * (grad - ga[gao + i]);
        ga[gao + i] = mean;
        avg = sqrt(s - mean * mean) + eps;
    } else {
        avg = sqrt(s) + eps;
    }
    if (hasMomentum) {
        float b = buf[bo + i] * momentum + grad / avg;
        buf[bo + i] = b;
        p[po + i] -= b * lr;
    } else {
        p[po + i] -= grad / avg * lr;
    }
}

__kernel void sgd_update(int n, __global float* p, int po, __global const float* g, int go,
                         __global float* buf, int bo, int hasMomentum, int firstStep, int nesterov,
                         float lr, float momentum, float damp, float wd, int hasWeightDecay) {
    int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    float grad = g[go + i];
    if (hasWeightDecay) {
        grad += wd * p[po + i];
    }
    if (hasMomentum) {
        float b = firstStep ? grad : buf[bo + i] * momentum + damp * grad;
        buf[bo + i] = b;
        grad = nesterov ? grad + momentum * b : b;
    }
    p[po + i] -= lr * grad;
}
