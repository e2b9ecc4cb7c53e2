package org.guildhall.governance.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import org.guildhall.governance.api.GovernanceService;
import org.guildhall.governance.api.ParameterChangeInfo;
import org.guildhall.governance.api.ParameterInfo;

/** {@code /dao/parameters}: the governed parameters now, and every executed change with its proposal. */
@Named
@RequestScoped
public class ParametersView {

    @Inject
    GovernanceService governance;

    private List<ParameterInfo> parameters;
    private List<ParameterChangeInfo> history;

    public List<ParameterInfo> getParameters() {
        if (parameters == null) {
            parameters = governance.parameters();
        }
        return parameters;
    }

    public List<ParameterChangeInfo> getHistory() {
        if (history == null) {
            history = governance.history(Optional.empty());
        }
        return history;
    }
}
