import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.StringArray;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * zhuoyue from Java: the C ABI (include/zhuoyue/zhuoyue.h) bound through JNA, and a small wrapper
 * over it whose handles free themselves (try-with-resources) and whose failures are exceptions
 * carrying zy_error_last() and the diagnostics.
 *
 * <pre>{@code
 * try (Zhuoyue.Pack pack = Zhuoyue.Pack.builtin();
 *     Zhuoyue.Report report = pack.evaluateFile(Path.of("program.json"), Map.of())) {
 *   System.out.println(report.overall());
 * }
 * }</pre>
 *
 * <p>As in C, a Pack or Report may be used by any number of threads at the same time; close it
 * only when no other thread is using it. Everything the wrapper returns is a Java copy, valid
 * after the handle it came from is closed.
 */
public final class Zhuoyue {
  /** The ABI this binding is written against: the 1 of libzhuoyue.so.1 (ZY_ABI_VERSION). */
  public static final int ABI_VERSION = 1;

  // zy_error_code. New codes may come: treat unknown ones as ERROR.
  public static final int OK = 0;
  public static final int ERROR = -1;
  public static final int EINVALID = -2;
  public static final int EIO = -3;
  public static final int ERULES = -4;
  public static final int EDOSSIER = -5;

  private static final int EVALUATE_OPTIONS_VERSION = 1;
  private static final String UTF_8 = "UTF-8";

  /** size_t: unsigned and as wide as the platform's (8 bytes on 64-bit Linux). */
  public static final class SizeT extends IntegerType {
    private static final long serialVersionUID = 1L;

    /** JNA makes returned values through this constructor. */
    public SizeT() {
      this(0);
    }

    public SizeT(long value) {
      super(Native.SIZE_T_SIZE, value, true);
    }
  }

  /**
   * The C functions and structs used here, declared as in zhuoyue.h and under the same names, so
   * that they read against the header line by line. JNA binds each method to the symbol of its
   * name: int and enums are int, size_t is SizeT, a handle is an opaque Pointer, an out parameter
   * {@code T **} is a PointerByReference. A const char * the library returns is a String (read as
   * UTF-8: see LIB; structs declared in here inherit that option); one passed to it is a byte[]
   * holding NUL-terminated UTF-8 (see cString).
   */
  interface C extends Library {
    int zy_abi_version();

    String zy_error_last();

    SizeT zy_diagnostic_count();

    ZyDiagnostic zy_diagnostic_at(SizeT index);

    void zy_free(Pointer string);

    /** {@code options} is a zy_pack_options *; only NULL (the defaults) is used here. */
    int zy_pack_builtin(PointerByReference out, Pointer options);

    void zy_pack_free(Pointer pack);

    int zy_evaluate_options_init(ZyEvaluateOptions options, int version);

    int zy_evaluate_file(
        PointerByReference out, Pointer pack, byte[] path, ZyEvaluateOptions options);

    /** {@code json} is UTF-8 of {@code length} bytes, without a NUL. */
    int zy_evaluate_json(
        PointerByReference out,
        Pointer pack,
        byte[] json,
        SizeT length,
        byte[] name,
        ZyEvaluateOptions options);

    void zy_report_free(Pointer report);

    String zy_verdict_name(int verdict);

    String zy_report_program(Pointer report);

    String zy_report_overall(Pointer report);

    SizeT zy_report_count(Pointer report, int kind);

    ZyItem zy_report_item(Pointer report, int kind, SizeT index);

    ZyItem zy_report_find(Pointer report, int kind, byte[] id);

    /** {@code length} is a size_t * that may be NULL; only NULL is used here. */
    int zy_report_render(
        Pointer report, int format, int language, PointerByReference out, Pointer length);

    /**
     * zy_diagnostic, read in place through the pointer zy_diagnostic_at() lends (JNA reads it
     * when it is returned). The library may add fields at the end: only this prefix is read.
     */
    @Structure.FieldOrder({
      "code", "severity", "file", "line", "column", "pointer", "message", "help", "text"
    })
    class ZyDiagnostic extends Structure {
      public String code;
      public int severity;
      public String file;
      public int line;
      public int column;
      public String pointer;
      public String message;
      public String help;
      public String text;

      public ZyDiagnostic(Pointer borrowed) {
        super(borrowed);
      }
    }

    /** zy_item, read in place like ZyDiagnostic, through the pointer a report lends. */
    @Structure.FieldOrder({
      "kind",
      "id",
      "requirement",
      "title",
      "verdict",
      "level",
      "message",
      "has_value",
      "value",
      "has_threshold",
      "threshold",
      "comparison",
      "witness_count",
      "witnesses",
      "missing_count",
      "missing"
    })
    class ZyItem extends Structure {
      public int kind;
      public String id;
      public String requirement;
      public String title;
      public int verdict;
      public String level;
      public String message;
      public int has_value;
      public double value;
      public int has_threshold;
      public double threshold;
      public String comparison;
      public SizeT witness_count;
      public Pointer witnesses; // const char *const *
      public SizeT missing_count;
      public Pointer missing; // const char *const *

      public ZyItem(Pointer borrowed) {
        super(borrowed);
      }
    }

    /** zy_evaluate_options: allocated by Java, filled by zy_evaluate_options_init(). */
    @Structure.FieldOrder({"version", "param_count", "param_names", "param_values"})
    class ZyEvaluateOptions extends Structure {
      public int version; // unsigned int
      public SizeT param_count;
      public Pointer param_names; // const char *const *
      public Pointer param_values; // const char *const *
    }
  }

  // Strings the library returns are read as UTF-8 whatever JNA's default charset is (for the
  // strings passed to it, see cString).
  private static final C LIB =
      Native.load("zhuoyue", C.class, Map.of(Library.OPTION_STRING_ENCODING, UTF_8));

  static {
    // Loaded by name, the library found may be of another ABI (libzhuoyue.so may point to a
    // newer libzhuoyue.so.N): make sure it speaks the one declared here.
    int abi = LIB.zy_abi_version();
    if (abi != ABI_VERSION) {
      throw new UnsatisfiedLinkError(
          "libzhuoyue has ABI version " + abi + "; this binding needs " + ABI_VERSION);
    }
  }

  private Zhuoyue() {}

  /**
   * {@code text} as a C string: NUL-terminated UTF-8. Strings are passed as bytes because JNA
   * before 5.14 encodes a String argument in its default charset, ignoring the library's string
   * encoding option (java-native-access/jna#1501; Debian 12 ships 5.13).
   */
  private static byte[] cString(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return Arrays.copyOf(utf8, utf8.length + 1);
  }

  /** The kinds of verdict a report holds (zy_item_kind). */
  public enum ItemKind {
    ELIGIBILITY(0),
    GENERAL_POINT(1),
    REQUIREMENT(2),
    CRITERION(3);

    final int value;

    ItemKind(int value) {
      this.value = value;
    }
  }

  /** The forms a report renders to (zy_format). */
  public enum Format {
    JSON(0),
    TEXT(1),
    MARKDOWN(2),
    HTML(3);

    final int value;

    Format(int value) {
      this.value = value;
    }
  }

  /** The language of rendered labels (zy_language). */
  public enum Language {
    ZH(0),
    EN(1);

    final int value;

    Language(int value) {
      this.value = value;
    }
  }

  /** A problem in the rules or the dossier, copied out of the library's zy_diagnostic. */
  public static final class Diagnostic {
    public final String code;
    public final boolean isError;
    public final String file;
    public final int line;
    public final int column;
    public final String pointer;
    public final String message;
    public final String help;
    public final String text;

    private Diagnostic(C.ZyDiagnostic d) {
      code = d.code;
      isError = d.severity == 0; // ZY_SEVERITY_ERROR
      file = d.file;
      line = d.line;
      column = d.column;
      pointer = d.pointer;
      message = d.message;
      help = d.help;
      text = d.text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** A failed call: its zy_error_code, zy_error_last() as the message, and the diagnostics. */
  public static final class ZhuoyueException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final transient List<Diagnostic> diagnostics; // transient: not Serializable

    private ZhuoyueException(int code, String message, List<Diagnostic> diagnostics) {
      super(message);
      this.code = code;
      this.diagnostics = diagnostics;
    }

    /** The zy_error_code: EINVALID, EIO, ERULES, EDOSSIER or ERROR (or a newer one). */
    public int code() {
      return code;
    }

    /** The problems found in the user's rules or dossier, each located. */
    public List<Diagnostic> diagnostics() {
      return diagnostics;
    }
  }

  /**
   * Throws for a failed call. The error state is per thread and replaced by the next call, so it
   * is read here, at once, on the thread that made the call (JNA calls on the caller's thread).
   */
  private static void check(int code) throws ZhuoyueException {
    if (code == OK) {
      return;
    }
    int count = (int) LIB.zy_diagnostic_count().longValue();
    List<Diagnostic> diagnostics = new ArrayList<>(count);
    for (int i = 0; i < count; ++i) {
      diagnostics.add(new Diagnostic(LIB.zy_diagnostic_at(new SizeT(i))));
    }
    throw new ZhuoyueException(code, LIB.zy_error_last(), List.copyOf(diagnostics));
  }

  /** A handle the caller owns: close() frees it once; using it after close() throws. */
  abstract static class Handle implements AutoCloseable {
    private Pointer pointer;

    Handle(Pointer pointer) {
      this.pointer = pointer;
    }

    final Pointer pointer() {
      if (pointer == null) {
        throw new IllegalStateException(getClass().getSimpleName() + " is closed");
      }
      return pointer;
    }

    abstract void free(Pointer pointer);

    @Override
    public final void close() {
      if (pointer != null) {
        free(pointer);
        pointer = null;
      }
    }
  }

  /** A compiled rule pack (zy_pack). */
  public static final class Pack extends Handle {
    private Pack(Pointer pointer) {
      super(pointer);
    }

    /** The built-in pack: the plan's rules, embedded in the library. */
    public static Pack builtin() throws ZhuoyueException {
      PointerByReference out = new PointerByReference();
      check(LIB.zy_pack_builtin(out, null));
      return new Pack(out.getValue());
    }

    /**
     * Evaluates the dossier file at {@code path}.
     *
     * @param params parameter overrides, each value written as in the rules ("0.3", "true")
     */
    public Report evaluateFile(Path path, Map<String, String> params) throws ZhuoyueException {
      PointerByReference out = new PointerByReference();
      check(LIB.zy_evaluate_file(out, pointer(), cString(path.toString()), options(params)));
      return new Report(out.getValue());
    }

    /** Evaluates dossier JSON (UTF-8) from memory; {@code name} names it in diagnostics. */
    public Report evaluateJson(byte[] json, String name, Map<String, String> params)
        throws ZhuoyueException {
      PointerByReference out = new PointerByReference();
      check(
          LIB.zy_evaluate_json(
              out, pointer(), json, new SizeT(json.length), cString(name), options(params)));
      return new Report(out.getValue());
    }

    @Override
    void free(Pointer pointer) {
      LIB.zy_pack_free(pointer);
    }
  }

  /** zy_evaluate_options holding {@code params}, or null (the defaults) when there are none. */
  private static C.ZyEvaluateOptions options(Map<String, String> params) throws ZhuoyueException {
    if (params.isEmpty()) {
      return null;
    }
    C.ZyEvaluateOptions options = new C.ZyEvaluateOptions();
    check(LIB.zy_evaluate_options_init(options, EVALUATE_OPTIONS_VERSION));
    String[] names = new String[params.size()];
    String[] values = new String[params.size()];
    int i = 0;
    for (Map.Entry<String, String> param : params.entrySet()) {
      names[i] = param.getKey();
      values[i] = param.getValue();
      ++i;
    }
    options.param_count = new SizeT(names.length);
    // Native UTF-8 copies, freed by the GC: the struct keeps them alive through the call.
    options.param_names = new StringArray(names, UTF_8);
    options.param_values = new StringArray(values, UTF_8);
    return options;
  }

  /** The result of an evaluation (zy_report). */
  public static final class Report extends Handle {
    private Report(Pointer pointer) {
      super(pointer);
    }

    /** The program's id, as the dossier gives it. */
    public String program() {
      return LIB.zy_report_program(pointer());
    }

    /** "passed_and_met", "passed_not_met", "not_passed" or "pending". */
    public String overall() {
      return LIB.zy_report_overall(pointer());
    }

    /** The verdicts of {@code kind}, in report order. */
    public List<Item> items(ItemKind kind) {
      int count = (int) LIB.zy_report_count(pointer(), kind.value).longValue();
      List<Item> items = new ArrayList<>(count);
      for (int i = 0; i < count; ++i) {
        items.add(new Item(kind, LIB.zy_report_item(pointer(), kind.value, new SizeT(i))));
      }
      return items;
    }

    /** The verdict of {@code kind} with id {@code id}, if the report holds one. */
    public Optional<Item> find(ItemKind kind, String id) {
      C.ZyItem item = LIB.zy_report_find(pointer(), kind.value, cString(id));
      return item == null ? Optional.empty() : Optional.of(new Item(kind, item));
    }

    /** The report rendered as {@code format}, its labels in {@code language}. */
    public String render(Format format, Language language) throws ZhuoyueException {
      PointerByReference out = new PointerByReference();
      check(LIB.zy_report_render(pointer(), format.value, language.value, out, null));
      // The library allocated the text; it is ours to free, with zy_free.
      Pointer text = out.getValue();
      try {
        return text.getString(0, UTF_8);
      } finally {
        LIB.zy_free(text);
      }
    }

    @Override
    void free(Pointer pointer) {
      LIB.zy_report_free(pointer);
    }
  }

  /** One verdict of a report and why, copied out of the report's zy_item. */
  public static final class Item {
    public final ItemKind kind;
    public final String id;
    /** A criterion's requirement id; "" for other kinds. */
    public final String requirement;
    public final String title;
    /** "met", "not_met" or "pending". */
    public final String verdict;
    /** Requirements: "not_met", "met", "distinction" or "pending"; "" for other kinds. */
    public final String level;
    public final String message;
    public final OptionalDouble value;
    public final OptionalDouble threshold;
    public final String comparison;
    /** The entities that break the criterion, in dossier order. */
    public final List<String> witnesses;
    /** The data whose absence left the verdict pending. */
    public final List<String> missing;

    private Item(ItemKind kind, C.ZyItem item) {
      this.kind = kind;
      id = item.id;
      requirement = item.requirement;
      title = item.title;
      verdict = LIB.zy_verdict_name(item.verdict);
      level = item.level;
      message = item.message;
      value = item.has_value != 0 ? OptionalDouble.of(item.value) : OptionalDouble.empty();
      threshold =
          item.has_threshold != 0 ? OptionalDouble.of(item.threshold) : OptionalDouble.empty();
      comparison = item.comparison;
      witnesses = strings(item.witnesses, item.witness_count);
      missing = strings(item.missing, item.missing_count);
    }

    /** A {@code const char *const *} of {@code count} UTF-8 strings (NULL when empty). */
    private static List<String> strings(Pointer array, SizeT count) {
      int n = (int) count.longValue();
      return n == 0 ? List.of() : List.of(array.getStringArray(0, n, UTF_8));
    }
  }
}
