package org.guildhall.identity.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.guildhall.identity.api.AccountService;
import org.guildhall.identity.api.LinkedWallet;
import org.guildhall.identity.api.WalletChallengeText;
import org.guildhall.identity.api.WalletService;
import org.guildhall.platform.security.AuthenticatedCaller;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;
import org.guildhall.platform.web.Messages;

/** The wallets section of {@code /me}: ask for a challenge, sign it (browser wallet or any key), link. */
@Named
@ViewScoped
public class WalletView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient WalletService wallets;

    @Inject
    transient AccountService accounts;

    @Inject
    transient AuthenticatedCaller caller;

    private UUID accountId;
    private String address = "";
    private String signature = "";
    private WalletChallengeText challenge;
    private List<LinkedWallet> linked = List.of();

    @PostConstruct
    void load() {
        caller.claims().flatMap(c -> accounts.findBySubject(c.subject())).ifPresent(a -> {
            accountId = a.id();
            linked = wallets.wallets(accountId);
        });
    }

    public void requestChallenge() {
        if (accountId == null) {
            return;
        }
        try {
            challenge = wallets.challenge(accountId, address);
            signature = "";
        } catch (ValidationFailedException e) {
            for (FieldError error : e.errors()) {
                Messages.add("wallets:address", FacesMessage.SEVERITY_ERROR, error.code(), error.args().toArray());
            }
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    public void link() {
        if (accountId == null || challenge == null) {
            return;
        }
        try {
            LinkedWallet w = wallets.link(accountId, challenge.id(), signature);
            linked = wallets.wallets(accountId);
            challenge = null;
            address = "";
            signature = "";
            Messages.add(null, FacesMessage.SEVERITY_INFO, "wallet.linked", w.address());
        } catch (ValidationFailedException e) {
            for (FieldError error : e.errors()) {
                Messages.add("wallets:signature", FacesMessage.SEVERITY_ERROR, error.code(), error.args().toArray());
            }
            FacesContext.getCurrentInstance().validationFailed();
        } catch (RejectedException e) {
            // the service's message says what to do (sign with the right key, ask for a new challenge …)
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address == null ? "" : address.strip();
    }

    public String getSignature() {
        return signature;
    }

    public void setSignature(String signature) {
        this.signature = signature == null ? "" : signature.strip();
    }

    public WalletChallengeText getChallenge() {
        return challenge;
    }

    public List<LinkedWallet> getLinked() {
        return linked;
    }
}
