package no.bosetting.municipalities;

public record Municipality(String number, String name, String countyNumber, String countyName, int population,
                           int centrality) {

    public String label() {
        return number + " " + name;
    }
}
