package org.guildhall.catalog.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetRef;
import org.guildhall.catalog.api.CatalogService;
import org.guildhall.catalog.api.FileInfo;
import org.guildhall.catalog.api.VersionDetails;
import org.guildhall.catalog.api.VersionInfo;
import org.guildhall.catalog.application.Actors;
import org.guildhall.catalog.api.RenderedCard;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;
import org.guildhall.platform.web.Messages;
import org.primefaces.event.FileUploadEvent;

/**
 * The new-version wizard ({@code /upload}): files into the draft (several at once, each with its own
 * progress bar), the card edited with a live preview, then publish. Every step is an AJAX request, and
 * every change goes through the catalogue service, so the page can do nothing the API could not.
 */
@Named
@ViewScoped
public class UploadView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    CatalogService catalog;

    @Inject
    Actors actors;

    private String kind;
    private String owner;
    private String name;
    private AssetRef ref;
    private VersionDetails draft;
    private String folder = "";
    private String card = "";
    private String tag = "";
    private int refused;
    private transient RenderedCard rendered;
    private transient String renderedFrom;

    public void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.isPostback() && ref != null) {
            return;
        }
        Optional<AssetKind> k = AssetKind.parse(kind);
        try {
            if (k.isEmpty() || owner == null || name == null) {
                throw RejectedException.notFound("no asset");
            }
            ref = new AssetRef(k.get(), owner, name);
            draft = catalog.draft(actors.actor(), ref);
            ref = draft.asset().ref();
            card = draft.cardMarkdown().isEmpty() ? template() : draft.cardMarkdown();
        } catch (RejectedException e) {
            // shown in place with the status (see not-found.xhtml)
            refused = e.reason() == RejectedException.Reason.FORBIDDEN ? HttpServletResponse.SC_FORBIDDEN
                    : HttpServletResponse.SC_NOT_FOUND;
            faces.getExternalContext().setResponseStatus(refused);
        }
    }

    /** A starting card with the Hub's metadata keys, for an asset that has none yet. */
    private String template() {
        return "---\nlicense: cc-by-4.0\ntags: []\nlanguage: [en]\n---\n# " + name + "\n\n" + draft.asset().summary() + "\n";
    }

    /** One file of a multi-file upload; PrimeFaces calls this once per file, each with its own progress bar. */
    public void upload(FileUploadEvent event) {
        String fileName = event.getFile().getFileName();
        String path = folderPrefix() + fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        try (InputStream in = event.getFile().getInputStream()) {
            catalog.upload(actors.actor(), ref, path, in, Optional.empty());
            Messages.add(null, FacesMessage.SEVERITY_INFO, "upload.stored", path);
        } catch (ValidationFailedException e) {
            e.errors().forEach(err -> Messages.add(null, FacesMessage.SEVERITY_ERROR, "upload.refused", path, err.message()));
        } catch (RejectedException e) {
            Messages.add(null, FacesMessage.SEVERITY_ERROR, "upload.refused", path, e.getMessage());
        } catch (IOException e) {
            Messages.add(null, FacesMessage.SEVERITY_ERROR, "upload.failed", path);
        }
        refresh();
    }

    public void remove(String path) {
        try {
            catalog.removeFile(actors.actor(), ref, path);
        } catch (RejectedException e) {
            Messages.add(null, FacesMessage.SEVERITY_ERROR, "upload.refused", path, e.getMessage());
        }
        refresh();
    }

    public void saveCard() {
        byte[] bytes = card.getBytes(StandardCharsets.UTF_8);
        try {
            catalog.upload(actors.actor(), ref, "README.md", new ByteArrayInputStream(bytes), Optional.empty());
            Messages.add(null, FacesMessage.SEVERITY_INFO, "upload.cardSaved");
        } catch (ValidationFailedException e) {
            e.errors().forEach(err -> Messages.add(null, FacesMessage.SEVERITY_ERROR, "upload.refused", "README.md", err.message()));
        } catch (RejectedException | IOException e) {
            Messages.add(null, FacesMessage.SEVERITY_ERROR, "upload.refused", "README.md", e.getMessage());
        }
        refresh();
    }

    public String publish() {
        try {
            if (!card.equals(draft.cardMarkdown())) {
                saveCard();
            }
            VersionInfo v = catalog.publish(actors.actor(), ref, Optional.ofNullable(tag).filter(t -> !t.isBlank()));
            var external = FacesContext.getCurrentInstance().getExternalContext();
            // the asset page's address is the Hub's, not a view id: redirect to it directly
            external.redirect(external.getRequestContextPath() + ref.pagePath() + "?tab=versions&rev=r" + v.revision());
            return null;
        } catch (ValidationFailedException e) {
            for (FieldError err : e.errors()) {
                Messages.add(null, FacesMessage.SEVERITY_ERROR, "upload.publishRefused", err.message());
            }
        } catch (RejectedException e) {
            Messages.add(null, FacesMessage.SEVERITY_ERROR, "upload.publishRefused", e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        FacesContext.getCurrentInstance().validationFailed();
        return null;
    }

    private void refresh() {
        draft = catalog.draft(actors.actor(), ref);
    }

    private String folderPrefix() {
        String f = folder == null ? "" : folder.strip().replace('\\', '/');
        while (f.startsWith("/")) {
            f = f.substring(1);
        }
        return f.isEmpty() || f.endsWith("/") ? f : f + "/";
    }

    /** The card being edited, rendered as it will be shown (sanitised). */
    public String getCardPreview() {
        return rendered().html();
    }

    private RenderedCard rendered() {
        if (rendered == null || !card.equals(renderedFrom)) {
            rendered = catalog.render(card);
            renderedFrom = card;
        }
        return rendered;
    }

    /** What is wrong with the card being edited, by line; publishing is refused while any remains. */
    public List<String> getCardProblems() {
        return rendered().problems();
    }

    public List<FileInfo> getFiles() {
        return draft == null ? List.of() : draft.files();
    }

    public VersionDetails getDraft() {
        return draft;
    }

    public AssetRef getRef() {
        return ref;
    }

    /** 0, or the status (403, 404) when the wizard cannot open for this caller. */
    public int getRefused() {
        return refused;
    }

    public long getMaxFileBytes() {
        return catalog.maxFileBytes();
    }

    public String size(long bytes) {
        return AssetView.size(bytes);
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getFolder() {
        return folder;
    }

    public void setFolder(String folder) {
        this.folder = folder;
    }

    public String getCard() {
        return card;
    }

    public void setCard(String card) {
        this.card = card == null ? "" : card;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }
}
