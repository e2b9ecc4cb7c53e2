package org.guildhall.catalog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetSummary;
import org.guildhall.catalog.api.CatalogService;
import org.guildhall.catalog.application.Actors;
import org.guildhall.identity.api.AccountProfile;
import org.guildhall.identity.api.AccountService;

/** A profile page ({@code /{user}}): who the account is and its datasets and models. */
@Named
@RequestScoped
public class OwnerView {

    @Inject
    CatalogService catalog;

    @Inject
    AccountService accounts;

    @Inject
    Actors actors;

    private String user;
    private AccountProfile account;
    private List<AssetSummary> assets;

    public void load() {
        account = user == null ? null : accounts.findByUsername(user).orElse(null);
        if (account == null) {
            // shown in place with status 404 (see not-found.xhtml)
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
            assets = List.of();
            return;
        }
        assets = catalog.assetsOf(account.username(), actors.viewer());
    }

    public AccountProfile getAccount() {
        return account;
    }

    public List<AssetSummary> getModels() {
        return assets.stream().filter(a -> a.kind() == AssetKind.MODEL).toList();
    }

    public List<AssetSummary> getDatasets() {
        return assets.stream().filter(a -> a.kind() == AssetKind.DATASET).toList();
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }
}
