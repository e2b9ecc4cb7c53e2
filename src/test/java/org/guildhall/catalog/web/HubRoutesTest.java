package org.guildhall.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HubRoutesTest {

    final HubRoutes routes = new HubRoutes() {
        private static final long serialVersionUID = 1L;
    };

    @Test
    void hubApiPathsGoToTheHubResource() {
        assertThat(routes.route("/api/models/carol/iris-logreg")).isEqualTo("/api/v1/hub/models/carol/iris-logreg");
        assertThat(routes.route("/api/datasets/alice/iris/revision/v1.0")).isEqualTo("/api/v1/hub/datasets/alice/iris/revision/v1.0");
        assertThat(routes.route("/api/v1/models/carol/iris-logreg")).isNull();
    }

    @Test
    void resolvePathsGoToTheFileDownload() {
        assertThat(routes.route("/carol/net/resolve/main/weights/model.json"))
                .isEqualTo("/api/v1/models/carol/net/versions/main/files/weights/model.json");
        assertThat(routes.route("/datasets/alice/iris/resolve/v1.0/data/iris.csv"))
                .isEqualTo("/api/v1/datasets/alice/iris/versions/v1.0/files/data/iris.csv");
    }

    @Test
    void assetPagesAreTwoSegmentsOrDatasetsPlusTwo() {
        assertThat(routes.route("/carol/net")).isEqualTo("/asset.xhtml?kind=MODEL&owner=carol&name=net");
        assertThat(routes.route("/datasets/alice/iris")).isEqualTo("/asset.xhtml?kind=DATASET&owner=alice&name=iris");
    }

    @Test
    void guildhallsOwnPathsAreLeftAlone() {
        assertThat(routes.route("/jakarta.faces.resource/theme.css")).isNull();
        assertThat(routes.route("/errors/404.xhtml")).isNull();
        assertThat(routes.route("/openapi/ui")).isNull();
        assertThat(routes.route("/health/ready")).isNull();
        assertThat(routes.route("/api/v1/search")).isNull();
        assertThat(routes.route("/models")).isNull();
        assertThat(routes.route("/datasets")).isNull();
        assertThat(routes.route("/a/b/c/d")).isNull();
    }
}
