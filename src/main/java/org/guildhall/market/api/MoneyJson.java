package org.guildhall.market.api;

import jakarta.json.bind.adapter.JsonbAdapter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Money in JSON: {@code {"minor": 12500000, "value": "12.50"}}; either member is read back. */
public class MoneyJson implements JsonbAdapter<Money, Map<String, Object>> {

    @Override
    public Map<String, Object> adaptToJson(Money m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("minor", m.minor());
        json.put("value", m.plain());
        return json;
    }

    @Override
    public Money adaptFromJson(Map<String, Object> json) {
        Object minor = json.get("minor");
        if (minor instanceof Number n) {
            return Money.of(n.longValue());
        }
        return Money.parse(String.valueOf(json.get("value")));
    }
}
