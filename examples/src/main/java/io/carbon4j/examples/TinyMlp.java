package io.carbon4j.examples;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * A small multi-layer perceptron (one hidden layer, tanh, sigmoid output) trained with mini-batch SGD on generated
 * data: a real, CPU-heavy workload in plain Java for the demo. Gradients of a mini-batch are computed in parallel
 * shards and summed.
 */
final class TinyMlp {

    final int inputs;
    final int hidden;
    final double[] w1;
    final double[] b1;
    final double[] w2;
    double b2;

    TinyMlp(int inputs, int hidden, long seed) {
        this.inputs = inputs;
        this.hidden = hidden;
        Random r = new Random(seed);
        w1 = new double[inputs * hidden];
        b1 = new double[hidden];
        w2 = new double[hidden];
        double s1 = Math.sqrt(1.0 / inputs);
        for (int i = 0; i < w1.length; i++) {
            w1[i] = r.nextGaussian() * s1;
        }
        double s2 = Math.sqrt(1.0 / hidden);
        for (int i = 0; i < hidden; i++) {
            w2[i] = r.nextGaussian() * s2;
        }
    }

    /** A generated binary-classification data set: labels from a hidden non-linear rule plus noise. */
    static final class Data {
        final double[][] x;
        final int[] y;

        private Data(double[][] x, int[] y) {
            this.x = x;
            this.y = y;
        }

        /** The samples {@code from} (inclusive) to {@code to} (exclusive): held-out data of the same rule. */
        Data slice(int from, int to) {
            return new Data(java.util.Arrays.copyOfRange(x, from, to), java.util.Arrays.copyOfRange(y, from, to));
        }

        Data(int n, int d, long seed) {
            Random r = new Random(seed);
            double[] truth = new double[d];
            for (int i = 0; i < d; i++) {
                truth[i] = r.nextGaussian();
            }
            x = new double[n][d];
            y = new int[n];
            for (int k = 0; k < n; k++) {
                double z = 0;
                for (int i = 0; i < d; i++) {
                    x[k][i] = r.nextGaussian();
                    z += truth[i] * x[k][i];
                }
                z += 0.5 * x[k][0] * x[k][1] + 0.3 * r.nextGaussian();
                y[k] = z > 0 ? 1 : 0;
            }
        }
    }

    double predict(double[] x, double[] h) {
        for (int j = 0; j < hidden; j++) {
            double a = b1[j];
            int off = j * inputs;
            for (int i = 0; i < inputs; i++) {
                a += w1[off + i] * x[i];
            }
            h[j] = Math.tanh(a);
        }
        double o = b2;
        for (int j = 0; j < hidden; j++) {
            o += w2[j] * h[j];
        }
        return 1.0 / (1.0 + Math.exp(-o));
    }

    /** One epoch of mini-batch SGD; returns the mean log-loss. */
    double trainEpoch(Data data, int batch, double rate, ExecutorService pool, int threads) throws Exception {
        int n = data.y.length;
        double loss = 0;
        for (int start = 0; start < n; start += batch) {
            int end = Math.min(n, start + batch);
            List<Future<double[]>> parts = new ArrayList<>();
            int per = (end - start + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                int s = start + t * per;
                int e = Math.min(end, s + per);
                if (s >= e) {
                    break;
                }
                parts.add(pool.submit(() -> gradient(data, s, e)));
            }
            double[] g = new double[w1.length + b1.length + w2.length + 2];
            for (Future<double[]> f : parts) {
                double[] p = f.get();
                for (int i = 0; i < g.length; i++) {
                    g[i] += p[i];
                }
            }
            double scale = rate / (end - start);
            int k = 0;
            for (int i = 0; i < w1.length; i++) {
                w1[i] -= scale * g[k++];
            }
            for (int i = 0; i < b1.length; i++) {
                b1[i] -= scale * g[k++];
            }
            for (int i = 0; i < w2.length; i++) {
                w2[i] -= scale * g[k++];
            }
            b2 -= scale * g[k++];
            loss += g[k];
        }
        return loss / n;
    }

    private double[] gradient(Data data, int from, int to) {
        double[] g = new double[w1.length + b1.length + w2.length + 2];
        double[] h = new double[hidden];
        int ob1 = w1.length;
        int ow2 = ob1 + b1.length;
        int ob2 = ow2 + w2.length;
        for (int k = from; k < to; k++) {
            double[] x = data.x[k];
            double p = predict(x, h);
            double err = p - data.y[k];
            g[ob2 + 1] -= data.y[k] == 1 ? Math.log(Math.max(p, 1e-12)) : Math.log(Math.max(1 - p, 1e-12));
            g[ob2] += err;
            for (int j = 0; j < hidden; j++) {
                g[ow2 + j] += err * h[j];
                double dh = err * w2[j] * (1 - h[j] * h[j]);
                g[ob1 + j] += dh;
                int off = j * inputs;
                for (int i = 0; i < inputs; i++) {
                    g[off + i] += dh * x[i];
                }
            }
        }
        return g;
    }

    /** Accuracy on {@code data}, computed in parallel. */
    double accuracy(Data data, ExecutorService pool, int threads) throws Exception {
        int n = data.y.length;
        int per = (n + threads - 1) / threads;
        List<Future<Integer>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int s = t * per;
            int e = Math.min(n, s + per);
            if (s >= e) {
                break;
            }
            parts.add(pool.submit(() -> {
                double[] h = new double[hidden];
                int ok = 0;
                for (int k = s; k < e; k++) {
                    if ((predict(data.x[k], h) >= 0.5 ? 1 : 0) == data.y[k]) {
                        ok++;
                    }
                }
                return ok;
            }));
        }
        int ok = 0;
        for (Future<Integer> f : parts) {
            ok += f.get();
        }
        return ok / (double) n;
    }
}
