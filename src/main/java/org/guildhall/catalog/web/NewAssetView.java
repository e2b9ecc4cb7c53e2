package org.guildhall.catalog.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.guildhall.catalog.api.AssetDetails;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.CatalogService;
import org.guildhall.catalog.application.Actors;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;
import org.guildhall.platform.web.Messages;

/** The first step of the wizard ({@code /new}): kind, name and summary. */
@Named
@ViewScoped
public class NewAssetView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    CatalogService catalog;

    @Inject
    Actors actors;

    private String kind = "DATASET";
    private String name = "";
    private String summary = "";

    public String create() {
        try {
            AssetDetails a = catalog.create(actors.actor(), AssetKind.parse(kind).orElse(null), name.strip(), summary);
            var external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/upload?kind=" + a.ref().kind() + "&owner="
                    + enc(a.ref().owner()) + "&name=" + enc(a.ref().name()));
            return null;
        } catch (ValidationFailedException e) {
            for (FieldError err : e.errors()) {
                Messages.add("newasset:" + err.field(), FacesMessage.SEVERITY_ERROR, "upload.plain", err.message());
            }
        } catch (RejectedException e) {
            Messages.add("newasset:name", FacesMessage.SEVERITY_ERROR, "upload.plain", e.getMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        FacesContext.getCurrentInstance().validationFailed();
        return null;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    public String getOwner() {
        return actors.viewer().map(a -> a.username()).orElse("");
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }
}
