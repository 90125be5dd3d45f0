package io.emfagent.sample.app;

/** The card scheme of a card number, by its first digit: what payments are split by on the dashboard. */
public enum CardBrand {
    VISA, MASTERCARD, AMEX, OTHER;

    public static CardBrand of(String card) {
        if (card == null || card.isEmpty()) {
            return OTHER;
        }
        return switch (card.charAt(0)) {
            case '4' -> VISA;
            case '2', '5' -> MASTERCARD;
            case '3' -> AMEX;
            default -> OTHER;
        };
    }
}
