package dev.imageautomation.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Properties Go's template semantics guarantee for any input. */
class GoTemplatePropertiesTest {

    private static String render(String text, Object data) throws TemplateException {
        return GoTemplate.parse("p", text).execute(data);
    }

    @Property
    void shouldRenderTextWithoutActionsVerbatim(@ForAll String text) throws Exception {
        Assume.that(!text.contains("{{"));

        assertThat(render(text, null)).isEqualTo(text);
    }

    @Property
    void shouldRoundTripAnyStringThroughAGoQuotedLiteral(@ForAll String value) throws Exception {
        Assume.that(value.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF));

        assertThat(render("{{ " + GoQuote.quote(value) + " }}", null)).isEqualTo(value);
    }

    @Property
    void shouldRangeOverListsInOrder(@ForAll @Size(max = 20) List<Long> values) throws Exception {
        String expected = values.stream().map(v -> v + ",").collect(Collectors.joining());

        assertThat(render("{{ range . }}{{ . }},{{ end }}", values)).isEqualTo(expected);
    }

    @Property
    void shouldRangeOverMapsInSortedKeyOrder(@ForAll @Size(max = 20) Map<@StringLength(max = 5) String, Integer> map)
            throws Exception {
        String expected = map.keySet().stream().sorted(GoOrdering::compareStrings).map(k -> k + ";")
                .collect(Collectors.joining());

        assertThat(render("{{ range $k, $v := . }}{{ $k }};{{ end }}", map)).isEqualTo(expected);
    }

    @Property
    void shouldTrimAllWhitespaceNextToTrimMarkers(
            @ForAll @Chars({' ', '\t', '\r', '\n'}) @StringLength(max = 6) String before,
            @ForAll @Chars({' ', '\t', '\r', '\n'}) @StringLength(max = 6) String after) throws Exception {
        assertThat(render("a" + before + "{{- 1 -}}" + after + "b", null)).isEqualTo("a1b");
    }

    @Property
    void shouldPrintIntegersLikeGoAndSortAlphaLikeGoStrings(@ForAll long number,
            @ForAll @Size(max = 10) List<@CharRange(from = 'a', to = 'z') @StringLength(max = 4) String> words)
            throws Exception {
        assertThat(render("{{ . }}", number)).isEqualTo(Long.toString(number));
        String sorted = words.stream().sorted().collect(Collectors.joining(" ", "[", "]"));
        assertThat(render("{{ sortAlpha . }}", words)).isEqualTo(sorted);
    }
}
