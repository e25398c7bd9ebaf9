package deepq4j.tensor;

/** An elementwise operation of one tensor; {@link #apply} is its scalar definition. */
public enum UnaryOp {
    NEG("neg"), EXP("exp"), LOG("log"), SQRT("sqrt"), ABS("abs"), RELU("relu");

    private final String opName;

    UnaryOp(String opName) {
        this.opName = opName;
    }

    /** The name used in error messages, as PyTorch spells the op. */
    public String opName() {
        return opName;
    }

    /** The definition in double precision, for the float64 reference backend. */
    public double apply(double x) {
        switch (this) {
            case NEG: return -x;
            case EXP: return Math.exp(x);
            case LOG: return Math.log(x);
            case SQRT: return Math.sqrt(x);
            case ABS: return Math.abs(x);
            case RELU: return Math.max(x, 0.0);
            default: throw new AssertionError(this);
        }
    }

    /** The scalar definition every float32 kernel must agree with. */
    public float apply(float x) {
        switch (this) {
            case NEG: return -x;
            case EXP: return deepq4j.tensor.cpu.FloatExp.exp(x); // a float routine that vectorises (FloatExp says why)
            case LOG: return (float) Math.log(x);
            case SQRT: return (float) Math.sqrt(x);
            case ABS: return Math.abs(x);
            // max(x, 0) rather than x > 0 ? x : 0 so that NaN propagates, as in PyTorch.
            case RELU: return Math.max(x, 0f);
            default: throw new AssertionError(this);
        }
    }
}
