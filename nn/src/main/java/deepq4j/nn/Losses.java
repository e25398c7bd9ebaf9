package deepq4j.nn;

import deepq4j.autograd.Variable;
import deepq4j.tensor.Shape;
import deepq4j.tensor.Tensor;
import java.util.Arrays;

/**
 * Regression losses for the TD error, each the mean over elements as PyTorch's default
 * {@code reduction='mean'}, and each with a per-sample weighted form: prioritized replay multiplies
 * every sample's loss by its importance weight before averaging.
 */
public final class Losses {
    private Losses() {
    }

    /** mean((prediction - target)^2), as {@code F.mse_loss}. */
    public static Variable mse(Variable prediction, Variable target) {
        return mse(prediction, target, null);
    }

    /** mean(w * (prediction - target)^2); weights broadcast against the per-element losses, null means 1. */
    public static Variable mse(Variable prediction, Variable target, Tensor weights) {
        Variable d = difference("mse", prediction, target);
        return weightedMean(d.mul(d), weights);
    }

    /**
     * Smooth L1, as {@code F.smooth_l1_loss(beta)}: 0.5 d^2 / beta where |d| < beta, else
     * |d| - 0.5 beta. With beta = 1 it equals the Huber loss with delta = 1, DQN's usual choice.
     */
    public static Variable smoothL1(Variable prediction, Variable target, float beta) {
        return smoothL1(prediction, target, beta, null);
    }

    /** Smooth L1 with per-sample weights (null means 1). */
    public static Variable smoothL1(Variable prediction, Variable target, float beta, Tensor weights) {
        if (!(beta > 0)) {
            throw new IllegalArgumentException("smoothL1: beta must be positive, got " + beta);
        }
        Variable d = difference("smoothL1", prediction, target);
        Variable absD = d.abs();
        Tensor quadratic = absD.data().lt(Tensor.scalar(beta).to(absD.data().backend()));
        Variable perElement = Variable.where(quadratic, d.mul(d).mul(0.5f / beta), absD.sub(0.5f * beta));
        return weightedMean(perElement, weights);
    }

    /** The Huber loss, as {@code F.huber_loss(delta)}: delta times smooth L1 with beta = delta. */
    public static Variable huber(Variable prediction, Variable target, float delta, Tensor weights) {
        return smoothL1(prediction, target, delta, weights).mul(delta);
    }

    /**
     * Cross-entropy between target distributions and the softmax of {@code logits}, per row of
     * [batch, classes], averaged over the batch: mean(-sum(p * log_softmax(logits), 1)), as
     * {@code F.cross_entropy(logits, p)} with probabilities as targets. C51's loss, with p the
     * projected target distribution. Rows of p should each sum to 1; they are not renormalised.
     */
    public static Variable crossEntropy(Variable logits, Tensor targetProbabilities) {
        return crossEntropy(logits, targetProbabilities, null);
    }

    /** As {@link #crossEntropy(Variable, Tensor)}, each row's loss weighted by {@code weights} ([batch]; null means 1). */
    public static Variable crossEntropy(Variable logits, Tensor targetProbabilities, Tensor weights) {
        return weightedMean(crossEntropyPerRow(logits, targetProbabilities), weights);
    }

    /** Each row's cross-entropy -sum_k p_k log softmax(logits)_k, [batch]: what C51's prioritized replay ranks by. */
    public static Variable crossEntropyPerRow(Variable logits, Tensor targetProbabilities) {
        if (logits.shape().length != 2 || !Arrays.equals(logits.shape(), targetProbabilities.shape())) {
            throw new IllegalArgumentException("cross_entropy: logits of shape " + Shape.str(logits.shape())
                    + " and target probabilities of shape " + Shape.str(targetProbabilities.shape()) + " must both be [batch, classes]");
        }
        return logits.logSoftmax(1).mul(Variable.of(targetProbabilities)).sum(1, false).neg();
    }

    private static Variable difference(String op, Variable prediction, Variable target) {
        if (!Arrays.equals(prediction.shape(), target.shape())) {
            // PyTorch only warns and broadcasts; a [B] vs [B, 1] mix-up silently trains on a
            // B x B matrix of differences, the classic DQN bug, so shapes must match exactly here.
            throw new IllegalArgumentException(op + ": prediction of shape " + Shape.str(prediction.shape())
                    + " and target of shape " + Shape.str(target.shape()) + " differ");
        }
        return prediction.sub(target);
    }

    /** The mean of per-sample losses, each weighted by {@code weights} (prioritized replay's importance weights; null means 1). */
    public static Variable weightedMean(Variable perElement, Tensor weights) {
        if (weights == null) {
            return perElement.mean();
        }
        return perElement.mul(Variable.of(weights)).mean();
    }
}
