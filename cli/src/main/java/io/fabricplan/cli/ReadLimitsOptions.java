package io.fabricplan.cli;

import io.fabricplan.excel.ReadLimits;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --limit NAME=VALUE}, repeatable: the {@link ReadLimits} of the workbooks a command reads (validate, solve
 * and check), e.g. {@code --limit formula-cells=5m --limit problems=1000}.
 */
final class ReadLimitsOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--limit", paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "raise or lower a limit of the workbooks read (repeatable): rows, columns, cell-chars, "
                    + "row-chars, shared-strings, shared-chars, workbook-bytes, inflate-ratio, zip-entries, "
                    + "formula-chars, formula-nesting, formula-cells, problems; see README, \"Limits and untrusted "
                    + "workbooks\"")
    Map<String, String> limits = new LinkedHashMap<>();

    /** The limits given, over the defaults; a bad name or value is a usage error naming the option. */
    ReadLimits limits() {
        ReadLimits result = ReadLimits.defaults();
        for (Map.Entry<String, String> e : limits.entrySet()) {
            try {
                result = result.with(e.getKey(), e.getValue());
            } catch (IllegalArgumentException bad) {
                throw new CommandLine.ParameterException(mixee.commandLine(), "--limit " + e.getKey() + "="
                        + e.getValue() + ": " + bad.getMessage() + System.lineSeparator()
                        + "  Maybe --limit NAME=VALUE with one of " + String.join(", ", ReadLimits.names())
                        + ", e.g. --limit formula-cells=2000000.");
            }
        }
        return result;
    }
}
