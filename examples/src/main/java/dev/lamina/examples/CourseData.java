package dev.lamina.examples;

import dev.lamina.Tensor;
import dev.lamina.data.ColumnTransformer;
import dev.lamina.data.Datasets;
import dev.lamina.data.MinMaxScaler;
import dev.lamina.data.OneHotEncoder;
import dev.lamina.data.Pipeline;
import dev.lamina.data.SimpleImputer;
import dev.lamina.data.StandardScaler;
import dev.lamina.data.Table;
import dev.lamina.data.TableSplit;

/** The course's preparation of its datasets (shared/data/README.md), ready to train on. */
final class CourseData {
  static final String CONCRETE_TARGET = "CompressiveStrength";
  static final String[] HOTEL_NUMERIC = {
    "lead_time",
    "arrival_date_week_number",
    "arrival_date_day_of_month",
    "stays_in_weekend_nights",
    "stays_in_week_nights",
    "adults",
    "children",
    "babies",
    "is_repeated_guest",
    "previous_cancellations",
    "previous_bookings_not_canceled",
    "required_car_parking_spaces",
    "total_of_special_requests",
    "adr"
  };
  static final String[] HOTEL_CATEGORICAL = {
    "hotel",
    "arrival_date_month",
    "meal",
    "market_segment",
    "distribution_channel",
    "reserved_room_type",
    "deposit_type",
    "customer_type"
  };

  private CourseData() {}

  /** Features and target of a training part and a validation part. */
  record Prepared(Tensor xTrain, Tensor yTrain, Tensor xValid, Tensor yValid) {
    int features() {
      return xTrain.shape()[1];
    }
  }

  /**
   * Red wine as lessons 3 and 4 prepare it: a random 70/30 split, then every column (the target
   * {@code quality} too) min-max scaled with the training part's minimum and maximum.
   */
  static Prepared redWine(long seed) {
    TableSplit split = Datasets.redWine().split(0.7, seed);
    MinMaxScaler scaler = new MinMaxScaler().fit(split.train());
    return separate(scaler.transform(split.train()), scaler.transform(split.valid()), "quality");
  }

  /** Red wine as lesson 5 takes it: the same 70/30 split, nothing scaled (quality 3–8). */
  static Prepared redWineUnscaled(long seed) {
    TableSplit split = Datasets.redWine().split(0.7, seed);
    return separate(split.train(), split.valid(), "quality");
  }

  /**
   * Concrete: a random 70/30 split, the target in MPa; the eight inputs standardized with the
   * training part's mean and deviation when {@code standardize}, else left as they are.
   */
  static Prepared concrete(long seed, boolean standardize) {
    TableSplit split = Datasets.concrete().split(0.7, seed);
    Table train = split.train();
    Table valid = split.valid();
    if (standardize) {
      StandardScaler scaler = new StandardScaler().fit(train.drop(CONCRETE_TARGET));
      train = scaler.transform(train.drop(CONCRETE_TARGET)).with(train.numeric(CONCRETE_TARGET));
      valid = scaler.transform(valid.drop(CONCRETE_TARGET)).with(valid.numeric(CONCRETE_TARGET));
    }
    return separate(train, valid, CONCRETE_TARGET);
  }

  /**
   * Hotel bookings as lesson 6 prepares them: a 75/25 split stratified on {@code is_canceled};
   * numeric columns imputed with 0 and standardized, the categorical ones imputed with "NA" and
   * one-hot encoded (categories unseen in training are ignored), all fitted on the training part.
   */
  static Prepared hotel(long seed) {
    TableSplit split = Datasets.hotel().stratifiedSplit("is_canceled", 0.75, seed);
    ColumnTransformer features =
        new ColumnTransformer()
            .add(
                "num", new Pipeline(SimpleImputer.constant(0), new StandardScaler()), HOTEL_NUMERIC)
            .add(
                "cat",
                new Pipeline(
                    SimpleImputer.constant("NA"),
                    new OneHotEncoder(OneHotEncoder.HandleUnknown.IGNORE)),
                HOTEL_CATEGORICAL);
    Table xTrain = features.fitTransform(split.train());
    Table xValid = features.transform(split.valid());
    return new Prepared(
        xTrain.toTensor(),
        split.train().select("is_canceled").toTensor(),
        xValid.toTensor(),
        split.valid().select("is_canceled").toTensor());
  }

  static Prepared separate(Table train, Table valid, String target) {
    return new Prepared(
        train.drop(target).toTensor(),
        train.select(target).toTensor(),
        valid.drop(target).toTensor(),
        valid.select(target).toTensor());
  }
}
