/* nrem-conflict-dialog.c
 *
 * Model: nrem_session_list_conflicts() (unresolved conflicts, oldest first) read again after
 * every change, shown in a GtkListBox; the comparison is built from the two JSON versions
 * kept in the conflict, one row per field of the entity, the fields that differ marked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-conflict-dialog"

#include "config.h"

#include "conflicts/nrem-conflict-dialog.h"
#include "nrem-time.h"
#include "nrem-ui-text.h"

#include <json-glib/json-glib.h>
#include <glib/gi18n.h>

struct _NremConflictDialog
{
  AdwWindow        parent_instance;

  NremSession     *session;
  GPtrArray       *conflicts;     /* NremConflict */
  gint64           selected_id;
  guint            n_differences;
  guint            reload_source;
  GPtrArray       *value_boxes;   /* GtkBox of each field row: side by side or stacked */
  GPtrArray       *side_labels;   /* "This computer" / "The file" inside the rows, when stacked */

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  AdwLeaflet      *leaflet;
  AdwWindowTitle  *list_title;
  GtkListBox      *conflict_list;
  AdwWindowTitle  *detail_title;
  GtkLabel        *explanation_label;
  GtkWidget       *columns_header;
  GtkLabel        *local_meta_label;
  GtkLabel        *incoming_meta_label;
  GtkListBox      *fields_list;
  GtkBox          *buttons_box;
  GtkButton       *keep_local_button;
  GtkButton       *keep_incoming_button;
};

G_DEFINE_FINAL_TYPE (NremConflictDialog, nrem_conflict_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (NremConflictDialog *self,
            const GError       *error)
{
  /* a toast's title is markup */
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* ------------------------------------------------------------------------------------------
 * Reading the versions
 */

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

/* What a reference is called: the name, title or label of the record it points to. */
static char *
describe_reference (NremConflictDialog *self,
                    NremEntityKind      kind,
                    const char         *uuid)
{
  static const char * const keys[] = { "name", "title", "label", "author_name", "code" };
  g_autoptr(NremRow) row = NULL;

  if (self->session == NULL)
    return g_strdup (uuid);
  row = nrem_store_get_row (nrem_session_get_store (self->session), kind, uuid, NULL);
  if (row == NULL)
    return g_strdup (uuid);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const NremEntity *entity = nrem_entity_get (kind);

      if (nrem_entity_field_index (entity, keys[i]) >= 0 && nrem_row_get (row, keys[i]) != NULL)
        return g_strdup (nrem_row_get (row, keys[i]));
    }
  return g_strdup (uuid);
}

static char *
describe_scalar (NremConflictDialog *self,
                 const NremField    *field,
                 JsonNode           *node)
{
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node))
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();

      json_generator_set_root (generator, node);
      return json_generator_to_data (generator, NULL);
    }

  type = json_node_get_value_type (node);
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE)
    return g_strdup_printf ("%g", json_node_get_double (node));
  if (field != NULL && (field->type == NREM_FIELD_REF || field->type == NREM_FIELD_REF_ARRAY))
    return describe_reference (self, field->ref, json_node_get_string (node));
  return g_strdup (json_node_get_string (node));
}

/* Returns: (nullable): the value of @key in @object as text for people; %NULL when empty */
static char *
describe_value (NremConflictDialog *self,
                const NremField    *field,
                JsonObject         *object,
                const char         *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          char *part = describe_scalar (self, field, json_array_get_element (array, i));

          if (part != NULL)
            g_ptr_array_add (parts, part);
        }
      if (parts->len == 0)
        return NULL;
      g_ptr_array_add (parts, NULL);
      return g_strjoinv (_(", "), (char **) parts->pdata);
    }
  return describe_scalar (self, field, node);
}

static char *
describe_clock (JsonObject *object,
                gboolean    kept)
{
  const char *stamp = object != NULL ? json_object_get_string_member_with_default (object, "updated_at", NULL) : NULL;
  gint64 ms;
  g_autofree char *when = NULL;

  if (stamp != NULL && nrem_time_parse_ms (stamp, &ms))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
      g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

      if (local != NULL)
        when = g_date_time_format (local, "%-d %B %Y, %H:%M");
    }
  if (when == NULL)
    return g_strdup (kept ? _("Kept by the import") : _("Replaced by the import"));
  /* translators: "Changed 3 May 2024, 10:12 · kept by the import" */
  return g_strdup_printf (kept ? _("Changed %s · kept by the import")
                               : _("Changed %s · replaced by the import"), when);
}

/* What the record is called here: a meeting by its short title, others as the store says. */
static char *
dup_display_label (const NremConflict *conflict)
{
  g_autoptr(JsonObject) kept = parse_object (conflict->kept_incoming ? conflict->incoming_json
                                                                     : conflict->local_json);
  const char *short_title = kept != NULL
    ? json_object_get_string_member_with_default (kept, "short_title", NULL) : NULL;

  if (short_title != NULL && short_title[0] != '\0')
    return g_strdup (short_title);
  return g_strdup (conflict->label != NULL ? conflict->label : conflict->uuid);
}

/* ------------------------------------------------------------------------------------------
 * Showing one conflict
 */

static NremConflict *
find_selected (NremConflictDialog *self)
{
  if (self->conflicts == NULL)
    return NULL;
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      NremConflict *conflict = g_ptr_array_index (self->conflicts, i);

      if (conflict->id == self->selected_id)
        return conflict;
    }
  return NULL;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
make_value_label (const char *value)
{
  GtkWidget *label = gtk_label_new (value != NULL ? value : "—");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  if (value == NULL)
    {
      gtk_widget_add_css_class (label, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Empty"),
                                      -1);
    }
  return label;
}

static GtkWidget *
make_side (NremConflictDialog *self,
           const char         *side_name,
           const char         *value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *side = gtk_label_new (side_name);

  gtk_label_set_xalign (GTK_LABEL (side), 0);
  gtk_widget_add_css_class (side, "caption");
  gtk_widget_add_css_class (side, "dim-label");
  gtk_widget_set_visible (side, adw_leaflet_get_folded (self->leaflet));
  g_ptr_array_add (self->side_labels, side);

  gtk_box_append (GTK_BOX (box), side);
  gtk_box_append (GTK_BOX (box), make_value_label (value));
  return box;
}

static GtkWidget *
make_field_row (NremConflictDialog *self,
                const char         *field_label,
                const char         *local,
                const char         *incoming,
                gboolean            differs)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (field_label);
  GtkWidget *values = gtk_box_new (adw_leaflet_get_folded (self->leaflet)
                                   ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "conflict-field");
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "caption-heading");
  gtk_box_append (GTK_BOX (header), name);
  if (differs)
    {
      GtkWidget *tag = gtk_label_new (_("Differs"));

      gtk_widget_add_css_class (tag, "caption");
      gtk_widget_add_css_class (tag, "warning");
      gtk_box_append (GTK_BOX (header), tag);
      gtk_widget_add_css_class (row, "differs");
    }
  else
    gtk_widget_add_css_class (name, "dim-label");

  gtk_box_set_homogeneous (GTK_BOX (values), TRUE);
  if (differs)
    {
      gtk_box_append (GTK_BOX (values), make_side (self, _("This computer"), local));
      gtk_box_append (GTK_BOX (values), make_side (self, _("The imported file"), incoming));
    }
  else
    {
      GtkWidget *other = make_side (self, _("The imported file"), incoming);

      /* stacked, a value the two share is shown once */
      gtk_box_append (GTK_BOX (values), make_side (self, _("Both versions"), local));
      gtk_box_append (GTK_BOX (values), other);
      gtk_widget_set_visible (other, !adw_leaflet_get_folded (self->leaflet));
      g_object_set_data (G_OBJECT (values), "nrem-same", GINT_TO_POINTER (TRUE));
    }
  g_ptr_array_add (self->value_boxes, values);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), values);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
show_selected (NremConflictDialog *self)
{
  NremConflict *conflict = find_selected (self);
  g_autoptr(JsonObject) local = NULL;
  g_autoptr(JsonObject) incoming = NULL;
  const NremEntity *entity;
  g_autofree char *explanation = NULL;
  g_autofree char *local_meta = NULL;
  g_autofree char *incoming_meta = NULL;
  g_autofree char *kind_title = NULL;
  g_autofree char *label = NULL;

  clear_list (self->fields_list);
  g_ptr_array_set_size (self->value_boxes, 0);
  g_ptr_array_set_size (self->side_labels, 0);
  self->n_differences = 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->buttons_box), conflict != NULL);
  if (conflict == NULL)
    {
      adw_window_title_set_title (self->detail_title, "");
      adw_window_title_set_subtitle (self->detail_title, "");
      gtk_label_set_label (self->explanation_label, "");
      return;
    }

  entity = nrem_entity_get (conflict->kind);
  local = parse_object (conflict->local_json);
  incoming = parse_object (conflict->incoming_json);

  kind_title = g_strdup (nrem_ui_entity_singular (conflict->kind));
  if (kind_title[0] != '\0')
    kind_title[0] = g_ascii_toupper (kind_title[0]);
  label = dup_display_label (conflict);
  adw_window_title_set_title (self->detail_title, label);
  adw_window_title_set_subtitle (self->detail_title, kind_title);

  explanation = g_strdup_printf (conflict->kept_incoming
                                 ? _("This %s was changed both on this computer and in an imported file. "
                                     "The import kept the file’s version, the later change. "
                                     "Keep it, or bring back this computer’s version.")
                                 : _("This %s was changed both on this computer and in an imported file. "
                                     "The import kept this computer’s version, the later change. "
                                     "Keep it, or take the file’s version instead."),
                                 nrem_ui_entity_singular (conflict->kind));
  gtk_label_set_label (self->explanation_label, explanation);

  local_meta = describe_clock (local, !conflict->kept_incoming);
  incoming_meta = describe_clock (incoming, conflict->kept_incoming);
  gtk_label_set_label (self->local_meta_label, local_meta);
  gtk_label_set_label (self->incoming_meta_label, incoming_meta);

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const NremField *field = &entity->fields[i];
      g_autofree char *a = describe_value (self, field, local, field->name);
      g_autofree char *b = describe_value (self, field, incoming, field->name);
      gboolean differs = g_strcmp0 (a, b) != 0;

      self->n_differences += differs;
      gtk_list_box_append (self->fields_list,
                           make_field_row (self, nrem_ui_field_name (field->name), a, b, differs));
    }
}

/* ------------------------------------------------------------------------------------------
 * The list
 */

static GtkWidget *
make_conflict_row (NremConflict *conflict)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *label = dup_display_label (conflict);
  GtkWidget *title = gtk_label_new (label);
  g_autofree char *kind = g_strdup (nrem_ui_entity_singular (conflict->kind));
  g_autofree char *detail = NULL;
  GtkWidget *subtitle;

  if (kind[0] != '\0')
    kind[0] = g_ascii_toupper (kind[0]);
  /* translators: "Meeting · kept the file's version" */
  detail = g_strdup_printf (conflict->kept_incoming ? _("%s · the file’s version kept")
                                                    : _("%s · this computer’s version kept"),
                            kind);
  subtitle = gtk_label_new (detail);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 3);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
update_titles (NremConflictDialog *self)
{
  guint n = self->conflicts ? self->conflicts->len : 0;
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to review",
                                                            "%u to review", n), n);

  adw_window_title_set_subtitle (self->list_title, n > 0 ? subtitle : "");
}

static void
select_row_at (NremConflictDialog *self,
               guint               index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->conflict_list, (int) index);

  if (row != NULL)
    gtk_list_box_select_row (self->conflict_list, row);
}

static void
reload (NremConflictDialog *self,
        guint               preferred_index)
{
  g_autoptr(GError) error = NULL;
  gint64 keep_id = self->selected_id;
  guint select_index = preferred_index;

  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  if (self->session != NULL)
    {
      self->conflicts = nrem_session_list_conflicts (self->session, &error);
      if (self->conflicts == NULL)
        {
          show_error (self, error);
          self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) nrem_conflict_free);
        }
    }
  else
    self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) nrem_conflict_free);

  /* the rows are rebuilt: remember which conflict was shown */
  self->selected_id = 0;
  clear_list (self->conflict_list);
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      NremConflict *conflict = g_ptr_array_index (self->conflicts, i);

      gtk_list_box_append (self->conflict_list, make_conflict_row (conflict));
      if (conflict->id == keep_id)
        select_index = i;
    }
  update_titles (self);

  gtk_stack_set_visible_child_name (self->stack, self->conflicts->len > 0 ? "conflicts" : "empty");
  if (self->conflicts->len == 0)
    {
      show_selected (self);
      return;
    }
  select_row_at (self, MIN (select_index, self->conflicts->len - 1));
}

/* ------------------------------------------------------------------------------------------
 * Callbacks
 */

static void
on_row_selected_cb (NremConflictDialog *self,
                    GtkListBoxRow      *row,
                    GtkListBox         *list)
{
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  NremConflict *conflict = index >= 0 && (guint) index < self->conflicts->len
    ? g_ptr_array_index (self->conflicts, index) : NULL;

  self->selected_id = conflict != NULL ? conflict->id : 0;
  show_selected (self);
}

static void
on_row_activated_cb (NremConflictDialog *self,
                     GtkListBoxRow      *row,
                     GtkListBox         *list)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked_cb (NremConflictDialog *self,
                    GtkButton          *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
keep (NremConflictDialog *self,
      gboolean            keep_incoming)
{
  g_autoptr(GError) error = NULL;

  if (!nrem_conflict_dialog_keep (self, keep_incoming, &error))
    show_error (self, error);
}

static void
on_keep_local_clicked_cb (NremConflictDialog *self,
                          GtkButton          *button)
{
  keep (self, FALSE);
}

static void
on_keep_incoming_clicked_cb (NremConflictDialog *self,
                             GtkButton          *button)
{
  keep (self, TRUE);
}

static void
on_leaflet_folded_cb (NremConflictDialog *self,
                      GParamSpec         *pspec,
                      AdwLeaflet         *leaflet)
{
  gboolean folded = adw_leaflet_get_folded (leaflet);

  /* narrow: the two versions one above the other, each named */
  for (guint i = 0; i < self->value_boxes->len; i++)
    {
      GtkWidget *values = g_ptr_array_index (self->value_boxes, i);

      gtk_orientable_set_orientation (GTK_ORIENTABLE (values),
                                      folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
      if (g_object_get_data (G_OBJECT (values), "nrem-same") != NULL)
        gtk_widget_set_visible (gtk_widget_get_last_child (values), !folded);
    }
  for (guint i = 0; i < self->side_labels->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->side_labels, i), folded);
  gtk_widget_set_visible (self->columns_header, !folded);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->buttons_box),
                                  folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  NremConflictDialog *self = user_data;

  self->reload_source = 0;
  reload (self, 0);
  return G_SOURCE_REMOVE;
}

static void
on_session_changed_cb (NremConflictDialog *self,
                       guint               kind,
                       NremSession        *session)
{
  /* an import reports every kind: read the conflicts once after them all */
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

/* ------------------------------------------------------------------------------------------
 * GObject
 */

static void
nrem_conflict_dialog_constructed (GObject *object)
{
  NremConflictDialog *self = (NremConflictDialog *) object;

  G_OBJECT_CLASS (nrem_conflict_dialog_parent_class)->constructed (object);

  if (self->session != NULL)
    g_signal_connect_object (self->session, "changed", G_CALLBACK (on_session_changed_cb), self,
                             G_CONNECT_SWAPPED);
  reload (self, 0);
  on_leaflet_folded_cb (self, NULL, self->leaflet);
}

static void
nrem_conflict_dialog_dispose (GObject *object)
{
  NremConflictDialog *self = (NremConflictDialog *) object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_CONFLICT_DIALOG);
  g_clear_pointer (&self->value_boxes, g_ptr_array_unref);
  g_clear_pointer (&self->side_labels, g_ptr_array_unref);
  G_OBJECT_CLASS (nrem_conflict_dialog_parent_class)->dispose (object);
}

static void
nrem_conflict_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  NremConflictDialog *self = NREM_CONFLICT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_conflict_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  NremConflictDialog *self = NREM_CONFLICT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_conflict_dialog_class_init (NremConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nrem_conflict_dialog_constructed;
  object_class->dispose = nrem_conflict_dialog_dispose;
  object_class->get_property = nrem_conflict_dialog_get_property;
  object_class->set_property = nrem_conflict_dialog_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NREM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/ui/nrem-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NremConflictDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NremConflictDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, NremConflictDialog, leaflet);
  gtk_widget_class_bind_template_child (widget_class, NremConflictDialog, list_title);
  gtk_widget_class_bind_template_child (widget_class, NremConflictDialog, conflict_list);
  gtk_widget_class_bind_template_child (widget_class, NremConflictDialog, detail_title);
  gtk_widget_class_bind_template_child (widget_class, NremConflictDialog, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, NremConflictDialog, columns_header);
  gtk_widget_class_bind_template_child (widget_class, NremConflictDialog, local_meta_label);
  gtk_widget_class_bind_template_child (widget_class, NremConflictDialog, incoming_meta_label);
  gtk_widget_class_bind_template_child (widget_class, NremConflictDialog, fields_list);
  gtk_widget_class_bind_template_child (widget_class, NremConflictDialog, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, NremConflictDialog, keep_local_button);
  gtk_widget_class_bind_template_child (widget_class, NremConflictDialog, keep_incoming_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_keep_local_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_keep_incoming_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nrem_conflict_dialog_init (NremConflictDialog *self)
{
  self->value_boxes = g_ptr_array_new ();
  self->side_labels = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------------------------
 * Public API
 */

NremConflictDialog *
nrem_conflict_dialog_new (GtkWindow   *parent,
                          NremSession *session)
{
  return g_object_new (NREM_TYPE_CONFLICT_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       NULL);
}

NremSession *
nrem_conflict_dialog_get_session (NremConflictDialog *self)
{
  g_return_val_if_fail (NREM_IS_CONFLICT_DIALOG (self), NULL);
  return self->session;
}

void
nrem_conflict_dialog_reload (NremConflictDialog *self)
{
  g_return_if_fail (NREM_IS_CONFLICT_DIALOG (self));
  g_clear_handle_id (&self->reload_source, g_source_remove);
  reload (self, 0);
}

guint
nrem_conflict_dialog_get_n_conflicts (NremConflictDialog *self)
{
  g_return_val_if_fail (NREM_IS_CONFLICT_DIALOG (self), 0);
  return self->conflicts ? self->conflicts->len : 0;
}

gboolean
nrem_conflict_dialog_select (NremConflictDialog *self,
                             guint               index)
{
  g_return_val_if_fail (NREM_IS_CONFLICT_DIALOG (self), FALSE);

  if (self->conflicts == NULL || index >= self->conflicts->len)
    return FALSE;
  select_row_at (self, index);
  return TRUE;
}

/**
 * nrem_conflict_dialog_get_selected:
 *
 * Returns: (nullable) (transfer none): the conflict shown
 */
const NremConflict *
nrem_conflict_dialog_get_selected (NremConflictDialog *self)
{
  g_return_val_if_fail (NREM_IS_CONFLICT_DIALOG (self), NULL);
  return find_selected (self);
}

guint
nrem_conflict_dialog_get_n_differences (NremConflictDialog *self)
{
  g_return_val_if_fail (NREM_IS_CONFLICT_DIALOG (self), 0);
  return self->n_differences;
}

/**
 * nrem_conflict_dialog_keep:
 * @keep_incoming: %TRUE for the imported file's version, %FALSE for this computer's
 *
 * Resolves the conflict shown, as its buttons do, and shows the next one.
 */
gboolean
nrem_conflict_dialog_keep (NremConflictDialog  *self,
                           gboolean             keep_incoming,
                           GError             **error)
{
  NremConflict *conflict;
  guint index = 0;

  g_return_val_if_fail (NREM_IS_CONFLICT_DIALOG (self), FALSE);

  conflict = find_selected (self);
  if (conflict == NULL || self->session == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No conflict is selected."));
      return FALSE;
    }
  for (guint i = 0; i < self->conflicts->len; i++)
    if (g_ptr_array_index (self->conflicts, i) == conflict)
      index = i;

  if (!nrem_session_resolve_conflict (self->session, conflict->id, keep_incoming, error))
    return FALSE;

  /* the next conflict takes the place of this one */
  self->selected_id = 0;
  g_clear_handle_id (&self->reload_source, g_source_remove);
  reload (self, index);
  return TRUE;
}
