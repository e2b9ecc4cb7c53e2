package org.guildhall.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RepoPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "data/train.csv", "a/b/c/model.safetensors", "weird name (1).txt", "ünïcode/файл.json",
            "..hidden-but-not-dotdot", "v1.0/config.json"})
    void acceptsRelativePathsInsideTheAsset(String path) {
        assertThat(RepoPath.problems(path)).isEmpty();
        assertThat(new RepoPath(path).value()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "data/../../x", "./a", "a/./b", "/etc/passwd", "C:/Windows/x", "a\\b", "a\u0000b",
            "a\nb", "", "a//b", "a/", "data/.."})
    void refusesPathsThatCouldLeaveTheAsset(String path) {
        assertThat(RepoPath.problems(path)).isNotEmpty();
        assertThatThrownBy(() -> new RepoPath(path)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesOverlongPathsAndNames() {
        assertThat(RepoPath.problems("a/".repeat(600) + "b")).anyMatch(p -> p.contains("longer than 1024"));
        assertThat(RepoPath.problems("x".repeat(256))).anyMatch(p -> p.contains("longer than 255"));
    }

    @Test
    void explainsWhatToFix() {
        assertThat(RepoPath.problems("a\\b")).containsExactly("Use forward slashes (/) in file paths, not backslashes.");
        assertThat(RepoPath.problems("../x")).containsExactly("The file path may not contain . or .. as a folder name.");
    }

    @Test
    void knowsItsFileName() {
        assertThat(new RepoPath("data/train.csv").fileName()).isEqualTo("train.csv");
        assertThat(new RepoPath("README.md").fileName()).isEqualTo("README.md");
    }

    @Test
    void sha256KeysAreStrictLowercaseHex() {
        String hex = "a".repeat(64);
        assertThat(Sha256.parse(hex.toUpperCase()).hex()).isEqualTo(hex);
        assertThatThrownBy(() -> new Sha256("../" + "a".repeat(61))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sha256("a".repeat(63))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sha256.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
