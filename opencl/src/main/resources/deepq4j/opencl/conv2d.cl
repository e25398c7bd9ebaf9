// Direct 2-D convolution (cross-correlation, as torch.nn.Conv2d) and its two gradients, one work
// item per element written. Input [N, C, H, W], weight [O, C, KH, KW], output [N, O, P, Q], all
// contiguous from the given offsets; one stride and one zero padding for both axes.

__kernel void conv2d_forward(int batch, int channels, int height, int width, int outChannels, int kernelHeight, int kernelWidth,
                             int stride, int padding, int outHeight, int outWidth,
                             __global const float* input, int io, __global const float* weight, int wo,
                             __global const float* bias, int bo, int hasBias, __global float* out, int oo) {
    int id = get_global_id(0);
    if (id >= batch * outChannels * outHeight * outWidth) {
        return;
    }
    int q = id % outWidth;
    int p = (id / outWidth) % outHeight;
    int o = (id / (outWidth * outHeight)) % outChannels;
    int b = id / (outWidth * outHeight * outChannels);
    float acc = 0.0f;
    for (int c = 0; c < channels; c++) {
        __global const float* plane = input + io + (b * channels + c) * height * width;
        __global const float* w = weight + wo + (o * channels + c) * kernelHeight * kernelWidth;
        for (int ky = 0; ky < kernelHeight; ky++) {
            int y = p * stride + ky - padding;
            if (y < 0 || y >= height) {
                continue;
            }
            for (int kx = 0; kx < kernelWidth; kx++) {
                int x = q * stride + kx - padding;
                if (x >= 0 && x < width) {
                    acc = fma(plane[y * width + x], w[ky * kernelWidth + kx], acc);
                }
            }
        }
    }
    out[oo + id] = hasBias ? acc + bias[bo + o] : acc;
}

// d input[b, c, y, x] = sum over o, ky, kx of d out[b, o, p, q] * weight[o, c, ky, kx]
// where y = p * stride + ky - padding (and likewise x): only the (ky, kx) that land on a whole p, q.
__kernel void conv2d_backward_input(int batch, int channels, int height, int width, int outChannels, int kernelHeight, int kernelWidth,
                                    int stride, int padding, int outHeight, int outWidth,
                                    __global const float* gradOut, int go, __global const float* weight, int wo,
                                    __global float* gradInput, int gio) {
    int id = get_global_id(0);
    if (id >= batch * channels * height * width) {
        return;
    }
    int x = id % width;
    int y = (id / width) % height;
    int c = (id / (width * height)) % channels;
    int b = id / (width * height * channels);
    float acc = 0.0f;
    for (int o = 0; o < outChannels; o++) {
        __global const float* g = gradOut + go + (b * outChannels + o) * outHeight * outWidth;
        __global const float* w = weight + wo + (o * channels + c) * kernelHeight * kernelWidth;
        for (int ky = 0; ky < kernelHeight; ky++) {
            int py = y + padding - ky;
            if (py < 0 || py % stride != 0 || py / stride >= outHeight) {
                continue;
            }
            for (int kx = 0; kx < kernelWidth; kx++) {
                int qx = x + padding - kx;
                if (qx >= 0 && qx % stride == 0 && qx / stride < outWidth) {
                    acc = fma(g[(py / stride) * outWidth + qx / stride], w[ky * kernelWidth + kx], acc);
                }
            }
        }
    }
    gradInput[gio + id] = acc;
}

// d weight[o, c, ky, kx] = sum over b, p, q of d out[b, o, p, q] * input[b, c, p * stride + ky - padding, ...]
__kernel void conv2d_backward_weight(int batch, int channels, int height, int width, int outChannels, int kernelHeight, int kernelWidth,
                                     int stride, int padding, int outHeight, int outWidth,
                                     __global const float* gradOut, int go, __global const float* input, int io,
                                     __global float* gradWeight, int gwo) {
    int id = get_global_id(0);
    if (id >= outChannels * channels * kernelHeight * kernelWidth) {
        return;
    }
    int kx = id % kernelWidth;
    int ky = (id / kernelWidth) % kernelHeight;
    int c = (id / (kernelHeight * kernelWidth)) % channels;
    int o = id / (kernelHeight * kernelWidth * channels);
    float acc = 0.0f;
    for (int b = 0; b < batch; b++) {
        __global const float* g = gradOut + go + (b * outChannels + o) * outHeight * outWidth;
        __global const float* plane = input + io + (b * channels + c) * height * width;
        for (int p = 0; p < outHeight; p++) {
            int y = p * stride + ky - padding;
            if (y < 0 || y >= height) {
                continue;
            }
            for (int q = 0; q < outWidth; q++) {
                int x = q * stride + kx - padding;
                if (x >= 0 && x < width) {
                    acc = fma(g[p * outWidth + q], plane[y * width + x], acc);
                }
            }
        }
    }
    gradWeight[gwo + id] = acc;
}
