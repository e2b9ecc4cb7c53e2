package org.guildhall.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.guildhall.platform.validation.FieldError;
import org.junit.jupiter.api.Test;

class ProfileRulesTest {

    private static List<String> codes(String name, String bio) {
        return ProfileRules.check(name, bio).stream().map(e -> e.field() + ":" + e.code()).toList();
    }

    @Test
    void acceptsAPlainNameAndAMultiLineBio() {
        assertThat(ProfileRules.check("Ada Lovelace", "Line one\nLine two\twith a tab")).isEmpty();
        assertThat(ProfileRules.check("Zoë Ångström-Łukasz", "")).isEmpty();
    }

    @Test
    void requiresADisplayName() {
        assertThat(codes("   ", "")).containsExactly("displayName:profile.displayName.required");
        assertThat(codes(null, null)).containsExactly("displayName:profile.displayName.required");
    }

    @Test
    void limitsLengthsInCharactersNotBytes() {
        assertThat(ProfileRules.check("é".repeat(80), "ü".repeat(2000))).isEmpty();
        assertThat(codes("x".repeat(81), "y".repeat(2001)))
                .containsExactly("displayName:profile.displayName.tooLong", "bio:profile.bio.tooLong");
    }

    @Test
    void refusesControlAndBidiCharacters() {
        assertThat(codes("Ada\u0000", "")).containsExactly("displayName:profile.field.control");
        assertThat(codes("Ada\nLovelace", "")).containsExactly("displayName:profile.field.control");
        assertThat(codes("evil\u202Egnp.exe", "")).containsExactly("displayName:profile.field.control");
        assertThat(codes("Ada", "bell\u0007")).containsExactly("bio:profile.field.control");
    }

    @Test
    void refusesHtml() {
        assertThat(codes("<script>alert(1)</script>", "")).containsExactly("displayName:profile.field.markup");
        assertThat(codes("a > b", "")).containsExactly("displayName:profile.field.markup");
        assertThat(codes("Ada", "hello <img src=x onerror=alert(1)>")).containsExactly("bio:profile.field.markup");
        assertThat(codes("Ada", "&lt;b&gt;")).containsExactly("bio:profile.field.markup");
    }

    @Test
    void allowsComparisonsInABioThatAreNotMarkup() {
        assertThat(ProfileRules.check("Ada", "accuracy went from 0.8 < 0.9 and 3 > 2")).isEmpty();
    }

    @Test
    void makesAValidDisplayNameFromTheIdentityProvider() {
        assertThat(ProfileRules.displayNameFrom("Alice Archer", "alice")).isEqualTo("Alice Archer");
        assertThat(ProfileRules.displayNameFrom("", "alice")).isEqualTo("alice");
        assertThat(ProfileRules.displayNameFrom(null, "alice")).isEqualTo("alice");
        assertThat(ProfileRules.displayNameFrom("<b>Bo</b>\u0000", "bo")).isEqualTo("bBo/b");
        String made = ProfileRules.displayNameFrom("n".repeat(300), "x");
        assertThat(made).hasSize(80);
        List<FieldError> errors = ProfileRules.check(made, "");
        assertThat(errors).isEmpty();
    }

    @Test
    void messagesComeFromTheBundle() {
        FieldError e = ProfileRules.check("x".repeat(81), "").get(0);
        assertThat(e.message()).isEqualTo("Use at most 80 characters for the display name.");
    }
}
