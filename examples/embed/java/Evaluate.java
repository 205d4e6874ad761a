import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a dossier with the built-in rules through the C ABI (JNA) and prints every verdict.
 *
 * <pre>
 *   java -Djna.library.path=BUILD/lib -cp CLASSES:/usr/share/java/jna.jar Evaluate program.json
 * </pre>
 *
 * <p>Output (the same from every embedding example):
 *
 * <pre>
 *   10698-080202: passed_not_met
 *   requirement 1: met (met)
 *     criterion 1.1: met
 *     criterion 5.2: not_met; witnesses: T02
 * </pre>
 */
public final class Evaluate {
  private Evaluate() {}

  public static void main(String[] args) {
    // The library's text is UTF-8 (ids and titles may be Chinese): print it as UTF-8 whatever
    // the platform's default charset is.
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    if (args.length != 1) {
      err.println("usage: Evaluate DOSSIER.json");
      System.exit(2);
    }
    try (Zhuoyue.Pack pack = Zhuoyue.Pack.builtin();
        Zhuoyue.Report report = pack.evaluateFile(Path.of(args[0]), Map.of())) {
      printVerdicts(report, out);
      out.flush();
    } catch (Zhuoyue.ZhuoyueException e) {
      // The message names the problem; each diagnostic is also in e.diagnostics(), located.
      err.println("error " + e.code() + ": " + e.getMessage());
      System.exit(1);
    }
  }

  // "\n", not "%n": the format is the same on every platform.
  private static void printVerdicts(Zhuoyue.Report report, PrintStream out) {
    out.printf("%s: %s\n", report.program(), report.overall());
    List<Zhuoyue.Item> criteria = report.items(Zhuoyue.ItemKind.CRITERION);
    for (Zhuoyue.Item requirement : report.items(Zhuoyue.ItemKind.REQUIREMENT)) {
      out.printf(
          "requirement %s: %s (%s)\n", requirement.id, requirement.verdict, requirement.level);
      for (Zhuoyue.Item criterion : criteria) {
        if (!criterion.requirement.equals(requirement.id)) {
          continue;
        }
        out.printf("  criterion %s: %s", criterion.id, criterion.verdict);
        if (!criterion.witnesses.isEmpty()) {
          out.print("; witnesses: " + String.join(", ", criterion.witnesses));
        }
        out.print("\n");
      }
    }
  }
}
