import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Checks what Evaluate does not reach: a dossier from memory, a parameter override, the
 * exceptions with their diagnostics, and a rendered report (a string the library allocates).
 *
 * <pre>
 *   java ... WrapperTest examples/failing.json
 * </pre>
 *
 * <p>Exits 0 when every check holds; otherwise throws, which exits 1.
 */
public final class WrapperTest {
  private WrapperTest() {}

  public static void main(String[] args) throws Exception {
    String text = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    byte[] json = text.getBytes(StandardCharsets.UTF_8);
    try (Zhuoyue.Pack pack = Zhuoyue.Pack.builtin()) {
      // 5.4: a teacher gives at most max_courses_per_teacher (2) industry courses; T01 gives 3.
      try (Zhuoyue.Report report = pack.evaluateJson(json, "failing.json", Map.of())) {
        Zhuoyue.Item criterion = criterion(report, "5.4");
        expect(criterion.verdict.equals("not_met"), "5.4 not met by default: " + criterion.verdict);
        expect(criterion.witnesses.equals(List.of("T01")), "5.4 witness: " + criterion.witnesses);
        String rendered = report.render(Zhuoyue.Format.TEXT, Zhuoyue.Language.EN);
        expect(rendered.contains(report.program()), "rendered text names the program");
      }
      try (Zhuoyue.Report report =
          pack.evaluateJson(json, "failing.json", Map.of("max_courses_per_teacher", "3"))) {
        Zhuoyue.Item criterion = criterion(report, "5.4");
        expect(criterion.verdict.equals("met"), "5.4 met with 3 courses: " + criterion.verdict);
        expect(criterion.witnesses.isEmpty(), "5.4 no witness: " + criterion.witnesses);
      }

      Zhuoyue.ZhuoyueException unknown =
          expectFailure(() -> pack.evaluateJson(json, "failing.json", Map.of("no_such", "1")));
      expect(unknown.code() == Zhuoyue.EINVALID, "unknown parameter: code " + unknown.code());
      expect(unknown.getMessage().contains("no_such"), "names it: " + unknown.getMessage());

      // A Chinese name and value check that UTF-8 crosses both ways, into C and back in structs.
      byte[] broken =
          text.replace("\"plan_joined\": 2010", "\"plan_joined\": \"二〇一〇\"")
              .getBytes(StandardCharsets.UTF_8);
      Zhuoyue.ZhuoyueException invalid =
          expectFailure(() -> pack.evaluateJson(broken, "卓越.json", Map.of()));
      expect(invalid.code() == Zhuoyue.EDOSSIER, "bad dossier: code " + invalid.code());
      expect(invalid.diagnostics().size() == 1, "one diagnostic: " + invalid.diagnostics());
      Zhuoyue.Diagnostic diagnostic = invalid.diagnostics().get(0);
      expect(diagnostic.isError, "an error: " + diagnostic);
      expect(diagnostic.file.equals("卓越.json"), "in the dossier named: " + diagnostic.file);
      expect(diagnostic.pointer.equals("/program/plan_joined"), "at: " + diagnostic.pointer);
      expect(invalid.getMessage().contains(diagnostic.text), "message lists: " + diagnostic);
    }
    System.out.println("ok");
  }

  /** Evaluating a dossier: the exception it must throw. */
  private interface Evaluation {
    Zhuoyue.Report run() throws Zhuoyue.ZhuoyueException;
  }

  private static Zhuoyue.ZhuoyueException expectFailure(Evaluation evaluation) {
    try (Zhuoyue.Report report = evaluation.run()) {
      throw new AssertionError("evaluated, expected a failure: " + report.overall());
    } catch (Zhuoyue.ZhuoyueException e) {
      return e;
    }
  }

  private static Zhuoyue.Item criterion(Zhuoyue.Report report, String id) {
    return report
        .find(Zhuoyue.ItemKind.CRITERION, id)
        .orElseThrow(() -> new AssertionError("no criterion " + id));
  }

  private static void expect(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what);
    }
  }
}
