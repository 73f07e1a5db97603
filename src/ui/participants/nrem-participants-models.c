/* nrem-participants-models.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-participants-models.h"
#include "nrem-store-participants.h"

/**
 * nrem_participants_country_model:
 * @none_label: (nullable): the label of a first item that stands for "no country"
 *
 * Returns: (transfer full): the live countries of @store as #NremCountry records, by name
 */
GListModel *
nrem_participants_country_model (NremStore  *store,
                                 const char *none_label)
{
  GListStore *model = g_list_store_new (NREM_TYPE_COUNTRY);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  if (none_label != NULL)
    {
      g_autoptr(NremRow) row = nrem_row_new (NREM_ENTITY_COUNTRY);

      row->uuid = g_strdup ("");
      nrem_row_set (row, "name", none_label);
      g_ptr_array_add (records, nrem_record_new_for_row (row));
    }
  if (store != NULL && (rows = nrem_store_list_countries (store, NULL)) != NULL)
    for (guint i = 0; i < rows->len; i++)
      g_ptr_array_add (records, nrem_record_new_for_row (g_ptr_array_index (rows, i)));
  g_list_store_splice (model, 0, 0, records->pdata, records->len);
  return G_LIST_MODEL (model);
}

/* Returns: the position of the country @code, or 0 (the "none" item) */
guint
nrem_participants_country_position (GListModel *model,
                                    const char *code)
{
  guint n = g_list_model_get_n_items (model);

  if (code == NULL || code[0] == '\0')
    return 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NremRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (nrem_record_get_string (record, "code"), code) == 0)
        return i;
    }
  return 0;
}

/* Returns: (nullable): the code of the country at @position; NULL for the "none" item */
const char *
nrem_participants_country_code_at (GListModel *model,
                                   guint       position)
{
  g_autoptr(NremRecord) record = g_list_model_get_item (model, position);

  return record != NULL ? nrem_record_get_string (record, "code") : NULL;
}

/* Shows the names of the countries, searchable by typing. */
void
nrem_participants_setup_country_dropdown (GtkDropDown *dropdown,
                                          GListModel  *model)
{
  GtkExpression *expression = gtk_property_expression_new (NREM_TYPE_COUNTRY, NULL, "name");

  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_model (dropdown, model);
  gtk_expression_unref (expression);
}

/**
 * nrem_participants_fix_mnemonic_names:
 * @root: a widget whose buttons may have mnemonic labels
 *
 * GTK 4.8 names a button with a mnemonic label by its raw label, underscore included, before
 * the label's text ("_Import… Import…"): screen readers say it twice. Without that property
 * the name comes from the label alone.
 */
void
nrem_participants_fix_mnemonic_names (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    nrem_participants_fix_mnemonic_names (child);
}
