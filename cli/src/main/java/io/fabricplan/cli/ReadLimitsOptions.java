package io.fabricplan.cli;

import io.fabricplan.excel.ReadLimits;
import io.fabricplan.json.JsonLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --limit NAME=VALUE}, repeatable: the {@link ReadLimits} of the workbooks and the {@link JsonLimits} of the
 * JSON documents a command reads (validate, solve, check, convert), e.g. {@code --limit formula-cells=5m
 * --limit json-records=2m --limit problems=1000}; {@code problems} sets both.
 */
final class ReadLimitsOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--limit", paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "raise or lower a limit of the workbooks or JSON documents read (repeatable): rows, "
                    + "columns, cell-chars, row-chars, shared-strings, shared-chars, workbook-bytes, inflate-ratio, "
                    + "zip-entries, formula-chars, formula-nesting, formula-cells; json-bytes, json-depth, "
                    + "json-string-chars, json-number-chars, json-records; problems (both); see README, \"Limits and "
                    + "untrusted workbooks\"")
    Map<String, String> limits = new LinkedHashMap<>();

    /** The workbook limits given, over the defaults; a bad name or value is a usage error naming the option. */
    ReadLimits limits() {
        return inputLimits().workbook();
    }

    /** Both kinds of limits given, over the defaults; a bad name or value is a usage error naming the option. */
    InputLimits inputLimits() {
        ReadLimits workbook = ReadLimits.defaults();
        JsonLimits json = JsonLimits.defaults();
        for (Map.Entry<String, String> e : limits.entrySet()) {
            String name = e.getKey().strip().toLowerCase(java.util.Locale.ROOT);
            try {
                boolean known = false;
                if (ReadLimits.names().contains(name)) {
                    workbook = workbook.with(name, e.getValue());
                    known = true;
                }
                if (JsonLimits.names().contains(name)) {
                    json = json.with(name, e.getValue());
                    known = true;
                }
                if (!known) {
                    throw new IllegalArgumentException("unknown limit \"" + e.getKey() + "\"");
                }
            } catch (IllegalArgumentException bad) {
                List<String> names = new ArrayList<>(ReadLimits.names());
                JsonLimits.names().stream().filter(n -> !names.contains(n)).forEach(names::add);
                throw new CommandLine.ParameterException(mixee.commandLine(), "--limit " + e.getKey() + "="
                        + e.getValue() + ": " + bad.getMessage() + System.lineSeparator()
                        + "  Maybe --limit NAME=VALUE with one of " + String.join(", ", names)
                        + ", e.g. --limit formula-cells=2000000.");
            }
        }
        return new InputLimits(workbook, json);
    }

    /** The limits of the workbooks and of the JSON documents a command reads. */
    record InputLimits(ReadLimits workbook, JsonLimits json) {
    }
}
