package dev.lamina.layers;

import dev.lamina.NeuralOps;
import dev.lamina.NoGrad;
import dev.lamina.Parameter;
import dev.lamina.Tensor;
import dev.lamina.constraints.Constraint;
import dev.lamina.initializers.Initializers;
import dev.lamina.random.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keras's batch normalization over the last axis. While training it normalizes with the batch's
 * mean and biased variance and moves the moving statistics towards them ({@code moving ← moving ·
 * momentum + batch · (1 − momentum)}, outside the gradient graph); at inference it normalizes with
 * the moving statistics. Weights: gamma and beta (trainable, unless scale or center is off),
 * moving_mean and moving_variance (updated only by the layer).
 */
public final class BatchNormalization extends BaseLayer<BatchNormalization> {
  private double momentum = 0.99;
  private double epsilon = 1e-3;
  private boolean center = true;
  private boolean scale = true;
  private Regularizer betaRegularizer;
  private Regularizer gammaRegularizer;
  private Constraint betaConstraint;
  private Constraint gammaConstraint;
  private Parameter gamma;
  private Parameter beta;
  private Parameter movingMean;
  private Parameter movingVariance;

  /** Where the training operation leaves the batch mean and variance. */
  private final Tensor[] statistics = new Tensor[2];

  /** The weight of the old moving statistics in each update, in [0, 1]; Keras's default 0.99. */
  public BatchNormalization momentum(double momentum) {
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException(
          "BatchNormalization: momentum must be in [0, 1], got " + momentum);
    }
    this.momentum = momentum;
    return this;
  }

  /** Added to the variance before the square root; must be positive; Keras's default 0.001. */
  public BatchNormalization epsilon(double epsilon) {
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException(
          "BatchNormalization: epsilon must be a finite number > 0, got " + epsilon);
    }
    this.epsilon = epsilon;
    return this;
  }

  /** Whether to add the learned offset beta. */
  public BatchNormalization center(boolean center) {
    requireUnbuilt("center");
    this.center = center;
    return this;
  }

  /** Whether to multiply by the learned factor gamma. */
  public BatchNormalization scale(boolean scale) {
    requireUnbuilt("scale");
    this.scale = scale;
    return this;
  }

  public BatchNormalization betaRegularizer(Regularizer regularizer) {
    this.betaRegularizer = regularizer;
    return this;
  }

  public BatchNormalization gammaRegularizer(Regularizer regularizer) {
    this.gammaRegularizer = regularizer;
    return this;
  }

  /** Projects beta after every optimizer update (Keras's {@code beta_constraint}). */
  public BatchNormalization betaConstraint(Constraint constraint) {
    requireUnbuilt("betaConstraint");
    this.betaConstraint = constraint;
    return this;
  }

  /** Projects gamma after every optimizer update (Keras's {@code gamma_constraint}). */
  public BatchNormalization gammaConstraint(Constraint constraint) {
    requireUnbuilt("gammaConstraint");
    this.gammaConstraint = constraint;
    return this;
  }

  @Override
  public String className() {
    return "BatchNormalization";
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    requireFeatures(inputShape, movingMean == null ? -1 : movingMean.shape()[0]);
    return inputShape.clone();
  }

  @Override
  protected void createWeights(int[] inputShape, SeededRandom random) {
    int[] shape = {inputShape[inputShape.length - 1]};
    gamma = scale ? newWeight("gamma", shape, Initializers.get("ones"), random) : null;
    beta = center ? newWeight("beta", shape, Initializers.get("zeros"), random) : null;
    if (gamma != null) {
      gamma.setConstraint(gammaConstraint);
    }
    if (beta != null) {
      beta.setConstraint(betaConstraint);
    }
    movingMean = newWeight("moving_mean", shape, Initializers.get("zeros"), random);
    movingVariance = newWeight("moving_variance", shape, Initializers.get("ones"), random);
  }

  @Override
  protected Tensor forward(Tensor inputs, Phase phase) {
    Tensor mean;
    Tensor variance;
    if (phase == Phase.TRAINING && isTrainable() && inputs.rank() == 2 && sameTypes(inputs)) {
      Tensor out =
          NeuralOps.batchNormalization(
              inputs,
              gamma == null ? null : gamma.value(),
              beta == null ? null : beta.value(),
              epsilon,
              statistics);
      updateMovingStatistics(statistics[0], statistics[1]);
      return out;
    }
    if (phase == Phase.TRAINING && isTrainable()) { // a frozen layer normalizes as at inference
      int features = movingMean.shape()[0];
      mean = inputs.reshape(-1, features).mean(0);
      variance = inputs.sub(mean).square().reshape(-1, features).mean(0);
      updateMovingStatistics(mean, variance);
    } else {
      mean = movingMean.value();
      variance = movingVariance.value();
    }
    Tensor normalized = inputs.sub(mean).div(variance.add(epsilon).sqrt());
    if (gamma != null) {
      normalized = normalized.mul(gamma.value());
    }
    return beta == null ? normalized : normalized.add(beta.value());
  }

  private boolean sameTypes(Tensor inputs) {
    return inputs.dtype() == movingMean.value().dtype();
  }

  private void updateMovingStatistics(Tensor mean, Tensor variance) {
    try (NoGrad scope = NoGrad.enter()) {
      movingMean.assign(movingMean.value().mul(momentum).add(mean.detach().mul(1 - momentum)));
      movingVariance.assign(
          movingVariance.value().mul(momentum).add(variance.detach().mul(1 - momentum)));
    }
  }

  @Override
  public List<Parameter> trainableWeights() {
    List<Parameter> weights = new ArrayList<>(2);
    if (gamma != null) {
      weights.add(gamma);
    }
    if (beta != null) {
      weights.add(beta);
    }
    return List.copyOf(weights);
  }

  @Override
  public Tensor regularization() {
    if (!isTrainable()) {
      return null; // Keras regularizes trainable weights only
    }
    return Regularizer.penalties(gammaRegularizer, gamma, betaRegularizer, beta);
  }

  @Override
  public List<Parameter> nonTrainableWeights() {
    return movingMean == null ? List.of() : List.of(movingMean, movingVariance);
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("axis", -1);
    config.put("momentum", momentum);
    config.put("epsilon", epsilon);
    config.put("center", center);
    config.put("scale", scale);
    config.put("beta_regularizer", ConfigObjects.of(betaRegularizer));
    config.put("gamma_regularizer", ConfigObjects.of(gammaRegularizer));
    config.put("beta_constraint", ConfigObjects.of(betaConstraint));
    config.put("gamma_constraint", ConfigObjects.of(gammaConstraint));
  }

  static BatchNormalization fromConfig(LayerConfig config) {
    if (config.number("axis", -1) != -1) {
      throw new IllegalArgumentException(
          "BatchNormalization config: only axis -1 is supported, got "
              + config.values().get("axis"));
    }
    return new BatchNormalization()
        .momentum(config.number("momentum", 0.99))
        .epsilon(config.number("epsilon", 1e-3))
        .center(config.bool("center", true))
        .scale(config.bool("scale", true))
        .betaRegularizer(ConfigObjects.regularizer(config, "beta_regularizer"))
        .gammaRegularizer(ConfigObjects.regularizer(config, "gamma_regularizer"))
        .betaConstraint(ConfigObjects.constraint(config, "beta_constraint"))
        .gammaConstraint(ConfigObjects.constraint(config, "gamma_constraint"))
        .withCommonOptions(config.values());
  }
}
