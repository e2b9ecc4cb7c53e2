package org.guildhall.governance.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.guildhall.catalog.api.Viewers;
import org.guildhall.governance.api.GovernanceService;
import org.guildhall.governance.api.ParameterInfo;
import org.guildhall.governance.api.ProposalDraft;
import org.guildhall.governance.api.ProposalInfo;
import org.guildhall.governance.api.ProposalKind;
import org.guildhall.governance.api.ProposalPreview;
import org.guildhall.market.api.Money;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;
import org.guildhall.platform.web.PageMessages;

/** {@code /dao/new}: the proposal form, with a preview of what it will change and of its description. */
@Named
@ViewScoped
public class NewProposalView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient GovernanceService governance;

    @Inject
    transient Viewers callers;

    private String kind = ProposalKind.PARAMETER_CHANGE.name();
    private String title;
    private String description;
    private String parameter = "platform.fee.bps";
    private Long value;
    private String asset;
    private String grantee;
    private String amount;
    private transient ProposalPreview preview;
    private transient List<ParameterInfo> parameters;

    public ProposalKind[] getKinds() {
        return ProposalKind.values();
    }

    public List<ParameterInfo> getParameters() {
        if (parameters == null) {
            parameters = governance.parameters();
        }
        return parameters;
    }

    ProposalDraft draft() {
        Money m = null;
        if (amount != null && !amount.isBlank()) {
            try {
                m = Money.parse(amount);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new ValidationFailedException(List.of(FieldError.of("amount", "market.amount.invalid", amount)));
            }
        }
        ProposalKind k = ProposalKind.valueOf(kind);
        return new ProposalDraft(k, title, description, k == ProposalKind.PARAMETER_CHANGE ? parameter : null,
                k == ProposalKind.PARAMETER_CHANGE ? value : null, k == ProposalKind.ASSET_TAKEDOWN ? asset : null,
                k == ProposalKind.TREASURY_GRANT ? grantee : null, k == ProposalKind.TREASURY_GRANT ? m : null);
    }

    public void preview() {
        try {
            preview = governance.preview(draft());
        } catch (ValidationFailedException | RejectedException e) {
            preview = null;
            show(e);
        }
    }

    public void submit() throws IOException {
        try {
            ProposalInfo p = governance.propose(callers.actor(), draft());
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + "/dao/proposal?number=" + p.number());
        } catch (ValidationFailedException | RejectedException e) {
            show(e);
        }
    }

    private static void show(RuntimeException e) {
        if (e instanceof ValidationFailedException v) {
            for (FieldError error : v.errors()) {
                PageMessages.show("proposal:" + error.field(), new ValidationFailedException(List.of(error)));
            }
        } else {
            PageMessages.show(null, e);
        }
    }

    public ProposalPreview getPreview() {
        return preview;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getParameter() {
        return parameter;
    }

    public void setParameter(String parameter) {
        this.parameter = parameter;
    }

    public Long getValue() {
        return value;
    }

    public void setValue(Long value) {
        this.value = value;
    }

    public String getAsset() {
        return asset;
    }

    public void setAsset(String asset) {
        this.asset = asset;
    }

    public String getGrantee() {
        return grantee;
    }

    public void setGrantee(String grantee) {
        this.grantee = grantee;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }
}
