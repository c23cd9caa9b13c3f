package dev.weft.domain.shared;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matchers for the fixture's expectException: which field a refusal names, as the API reports it. */
public final class DomainRuleMatchers {
    private DomainRuleMatchers() {
    }

    public static Matcher<DomainRuleException> onField(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainRuleException refusal) {
                return field.equals(refusal.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal on field ").appendValue(field);
            }

            @Override
            protected void describeMismatchSafely(DomainRuleException refusal, Description description) {
                description.appendText("was a refusal on field ").appendValue(refusal.field());
            }
        };
    }
}
