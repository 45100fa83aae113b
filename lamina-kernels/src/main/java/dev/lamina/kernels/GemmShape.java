package dev.lamina.kernels;

import java.util.Locale;
import jdk.incubator.vector.FloatVector;

/**
 * The micro-kernel's tile (rows × two vectors of columns) and the cache blocks around it, chosen
 * once per JVM from the preferred vector width and the number of vector registers, since a tile
 * that fits one machine's registers spills on another: 8 rows need 16 accumulators plus two B
 * vectors and a broadcast, 19 registers, which fit AVX-512 (32) and NEON (32) but not AVX2's 16,
 * where 4 rows (11 registers) leave the JIT room: 6 rows (15) fit on paper but ran at half speed
 * wherever C2 ran short of registers (see {@link #choose}).
 */
final class GemmShape {
  /** Columns of a tile, in vectors: two B loads feed every broadcast of A. */
  static final int VECTORS = 2;

  static final GemmShape ACTIVE =
      choose(FloatVector.SPECIES_PREFERRED.vectorBitSize(), vectorRegisters(), MultiplyAdd.FUSED);

  final int bits;
  final int registers;
  final int rows;

  /** Columns of a float tile; a double tile has half as many (see {@link #cols(int)}). */
  final int cols;

  /** Rows of the packed A block (kept in L2). */
  final int mc;

  /** Steps of k per packed block: a long one amortises loading and storing the C tile. */
  final int kc;

  /** Columns of the packed B block (kept in L3). */
  final int nc;

  /**
   * Whether the kernel may read A where it lies (see BlockedGemm's readsAInPlace) instead of
   * packing it: only with 512-bit vectors, where the kernel over A's own strides keeps up with the
   * one over a packed panel (116 against 117 GFLOP/s on Zen 4) and packing is pure cost. Narrower,
   * the packed panel's known stride runs the kernel 25–40% faster, more than packing costs: W1's
   * 256×512×512 product 1,592 → 1,305 µs with 256-bit vectors, 3,523 → 2,858 µs with 128-bit,
   * against 1,233 → 1,273 µs with 512-bit (one thread).
   */
  final boolean readsAInPlace;

  private GemmShape(int bits, int registers, int rows, int mc, int kc, int nc) {
    this.bits = bits;
    this.registers = registers;
    this.rows = rows;
    this.cols = cols(Float.SIZE);
    this.mc = mc;
    this.kc = kc;
    this.nc = nc;
    this.readsAInPlace = bits >= 512 && rows == 8;
  }

  /** Columns of a tile of elements {@code elementBits} wide: two vectors of them. */
  int cols(int elementBits) {
    return VECTORS * bits / elementBits;
  }

  /**
   * The shape for vectors of {@code bits} bits and {@code registers} vector registers, measured on
   * Zen 4 at 2048³ with the JVM narrowed by -XX:MaxVectorSize and -XX:UseAVX=2 (bench/RESULTS.md):
   * the kernel alone ran 8 rows as fast as 6 or faster with 32 registers (128-bit: 41–48 against
   * 33–36 GFLOP/s on one core). With 16 (UseAVX=2) 8 rows spilled (57 against 84), and 6 rows, 15
   * registers, kept C2 at the edge of its budget: 92 GFLOP/s on JDK 17 but 50 on JDK 25, and half
   * speed inside training in some JDK 17 processes; 4 rows (11 registers) ran at 92 and 106. A
   * k-block of 1024 rather than 512 halves the passes over C, whose tiles touch one cache line per
   * row at 256 bits: 59 → 67 GFLOP/s on one thread there; 132 → 138 at 512 bits and 42 → 49 at 128
   * on two threads. The 8-row kernels are written for fused multiply-adds alone (see
   * GemmPackedKernel's eightRows), so without them ({@code fused} false: HotSpot's -XX:-UseFMA on a
   * CPU with 32 registers, which has FMA) the tile is 4 rows.
   */
  static GemmShape choose(int bits, int registers, boolean fused) {
    int rows = registers >= 32 && fused ? 8 : 4;
    return new GemmShape(bits, registers, rows, 96, 1024, 1024);
  }

  /**
   * Vector registers the JIT can allocate: 16 on x86 without AVX-512 (the EVEX encoding reaches
   * registers 16–31), 32 on AArch64 and the other 64-bit targets of the Vector API. HotSpot reports
   * its AVX level as the flag UseAVX (3 = AVX-512); elsewhere x86 counts as 16.
   */
  static int vectorRegisters() {
    String arch = System.getProperty("os.arch", "");
    if (!arch.equals("amd64") && !arch.equals("x86_64")) {
      return 32;
    }
    return HotSpotOptions.avxLevel().map(avx -> avx >= 3 ? 32 : 16).orElse(16);
  }

  /**
   * For benchmark logs: {@code width=256 registers=16 micro=4x16 mc=96 kc=1024 nc=1024 a=packed}.
   */
  String describe() {
    return String.format(
        Locale.ROOT,
        "width=%d registers=%d micro=%dx%d mc=%d kc=%d nc=%d a=%s",
        bits,
        registers,
        rows,
        cols,
        mc,
        kc,
        nc,
        readsAInPlace ? "in-place" : "packed");
  }
}
