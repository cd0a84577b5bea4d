package io.fabricplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hand-written JSON of {@code solve --json}: numbers to ten significant digits, read back as they were. */
class JsonTest {

    private static String number(double v) {
        String json = new Json().put("v", v).toString();
        return json.substring("{\"v\": ".length(), json.length() - 1);
    }

    /** Found by the bench: 1,064,218,359.8 came out as 106421836, the rounded integer part's zero dropped. */
    @Test
    void largeValuesKeepTheZerosOfTheirIntegerPart() {
        assertThat(number(1_064_218_359.796)).isEqualTo("1064218360");
        assertThat(Double.parseDouble(number(1_064_218_359.796))).isCloseTo(1_064_218_359.796,
                org.assertj.core.data.Offset.offset(1.0));
        assertThat(number(1_745_749_762.64)).isEqualTo("1745749763");
        assertThat(number(12_345_678_900.5)).isEqualTo("12345678900");
    }

    @Test
    void fractionsKeepTenSignificantDigitsWithoutTrailingZeros() {
        assertThat(number(0.290590427)).isEqualTo("0.290590427");
        assertThat(number(138928.248)).isEqualTo("138928.248");
        assertThat(number(0.000344857)).isEqualTo("0.000344857");
        assertThat(number(2.5)).isEqualTo("2.5");
        assertThat(number(-1.25e-7)).isEqualTo("-0.000000125");
    }

    @Test
    void integersAndNonNumbers() {
        assertThat(number(2692)).isEqualTo("2692");
        assertThat(number(Double.NaN)).isEqualTo("null");
        assertThat(number(Double.POSITIVE_INFINITY)).isEqualTo("null");
        assertThat(new Json().put("s", "a\"b").put("b", true).put("n", null).toString())
                .isEqualTo("{\"s\": \"a\\\"b\", \"b\": true, \"n\": null}");
    }
}
