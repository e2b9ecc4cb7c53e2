package org.guildhall.ledger.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.guildhall.ledger.api.LedgerService;
import org.guildhall.ledger.api.Verification;
import org.guildhall.platform.web.Messages;
import org.primefaces.event.FileUploadEvent;

/** The public {@code /verify} page: paste or upload a receipt and see, step by step, whether it holds. */
@Named
@ViewScoped
public class VerifyView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int MAX_BYTES = 1_048_576;

    @Inject
    transient LedgerService ledger;

    private String receipt = "";
    private Verification result;

    public void upload(FileUploadEvent event) {
        if (event.getFile().getSize() > MAX_BYTES) {
            Messages.add(null, FacesMessage.SEVERITY_ERROR, "verify.upload.tooLarge", MAX_BYTES / 1024);
            return;
        }
        try (InputStream in = event.getFile().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                Messages.add(null, FacesMessage.SEVERITY_ERROR, "verify.upload.tooLarge", MAX_BYTES / 1024);
                return;
            }
            receipt = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            Messages.add(null, FacesMessage.SEVERITY_ERROR, "verify.upload.notText");
            return;
        } catch (IOException e) {
            Messages.add(null, FacesMessage.SEVERITY_ERROR, "verify.upload.failed");
            return;
        }
        verify();
    }

    public void verify() {
        result = ledger.verify(receipt);
    }

    public String getReceipt() {
        return receipt;
    }

    public void setReceipt(String receipt) {
        this.receipt = receipt == null ? "" : receipt;
    }

    public Verification getResult() {
        return result;
    }

    /** A step's finding in words: its detail key from the bundle with its arguments. */
    public String detail(Verification.Step step) {
        FacesContext faces = FacesContext.getCurrentInstance();
        List<String> args = step.args();
        return Messages.format(faces.getViewRoot().getLocale(), step.detail(), args.toArray());
    }
}
