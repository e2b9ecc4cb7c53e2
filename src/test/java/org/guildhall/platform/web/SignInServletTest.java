package org.guildhall.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignInServletTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "/me|/me",
            "/search?q=iris|/search?q=iris",
            "NULL|/",
            "''|/",
            "https://evil.example/|/",
            "//evil.example/|/",
            "/\\evil.example|/",
            "javascript:alert(1)|/",
            "me|/"})
    void sendsBackToLocalPathsOnly(String next, String expected) {
        assertThat(SignInServlet.safeLocalPath(next)).isEqualTo(expected);
    }
}
